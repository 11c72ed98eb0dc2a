import { now } from '../core/clock.js';
import { icsLine, icsText } from '../../shared/domain/format-text.js';
import { buyerName, feedQueryString, feedTitle } from './feed-text.js';
import { openCallsMatching, recentlyCancelledMatching, type FeedQuery } from './open-calls.js';
import { callUrl, publicBaseUrl } from './settings.js';

/**
 * iCalendar with one VEVENT per open call's deadline. The UID is derived from the call id only, so a
 * calendar that subscribes sees an edited deadline move (SEQUENCE follows the call's version) rather than
 * a second event; DTSTAMP is the call's last change, so an unchanged call gives byte-identical output.
 */
export async function deadlinesCalendar(query: FeedQuery): Promise<string> {
  const at = now().toISOString();
  const calls = [...(await openCallsMatching(query, at)), ...(await recentlyCancelledMatching(query, at))];
  const base = publicBaseUrl();
  // Loaded on first use: ical-generator does enough at import to make every cold start of this
  // function (the RSS route too) about a fifth slower (npm run bench).
  const { default: ical, ICalEventStatus } = await import('ical-generator');
  const cal = ical({
    name: icsLine(feedTitle('frister', query)),
    description: 'Søknadsfrister for åpne innovasjonsutlysninger fra kommunene i Østfold.',
    prodId: { company: 'Innovasjonstorget', product: 'frister', language: 'NB' },
    url: `${base}/api/feeds/deadlines.ics${feedQueryString(query)}`,
    ttl: 300,
  });
  for (const c of calls) {
    const url = callUrl(c.id);
    cal.createEvent({
      id: `frist-${c.id}@innovasjonstorget`,
      sequence: Math.max(0, c.version - 1),
      start: new Date(c.deadline),
      stamp: new Date(c.updatedAt),
      summary: icsText(c.status === 'cancelled' ? `AVLYST: ${c.title}` : `Frist: ${c.title}`),
      description: icsText(c.status === 'cancelled' ? `Avlyst: ${c.cancelReason ?? ''}\n\n${buyerName(c)}\n${url}` : `${c.summary}\n\n${buyerName(c)}\n${url}`),
      ...(c.status === 'cancelled' ? { status: ICalEventStatus.CANCELLED } : {}),
      location: buyerName(c),
      url,
    });
  }
  return cal.toString();
}
