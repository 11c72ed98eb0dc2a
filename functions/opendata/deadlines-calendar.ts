import { icsLine, icsText } from '../../shared/domain/format-text.js';
import { buyerName, callAnswerWords, deadlineNoun, describeCpv, feedContent, feedQueryString, feedTitle, formatBudget, formatDeadline } from './feed-text.js';
import type { FeedQuery } from './open-calls.js';
import { callUrl } from './settings.js';
import type { CallRecord } from '../data/calls.js';

/** How long before a deadline the calendar reminds (VALARM), in seconds. */
export const REMINDER_SECONDS = 24 * 3600;

/**
 * iCalendar with one VEVENT per open call's deadline, each with a reminder a day before (VALARM), and the
 * calls cancelled in the last 30 days as STATUS:CANCELLED (with the reason) so subscribed calendars drop or
 * strike them. The UID is derived from the call id only, so a calendar sees an edited deadline move (SEQUENCE
 * follows the call's version; a cancellation counts as a change) rather than a second event; DTSTAMP and
 * LAST-MODIFIED are the call's last change and the description names the latest correction, so an unchanged
 * call gives byte-identical output. Text is made safe for the format (shared/domain/format-text.ts). Lines end
 * with CRLF, the last one too (RFC 5545 3.1).
 */
export async function deadlinesCalendar(query: FeedQuery): Promise<string> {
  const { lang, t, open, cancelled, base } = await feedContent(query);
  // Loaded on first use: ical-generator does enough at import to make every cold start of this
  // function (the RSS route too) about a fifth slower (npm run bench).
  const { default: ical, ICalAlarmType, ICalEventStatus } = await import('ical-generator');
  const cal = ical({
    name: icsLine(feedTitle(t.deadlines, query, lang)),
    description: t.calendarDescription,
    prodId: { company: 'Innovasjonstorget', product: 'frister', language: lang.toUpperCase() },
    url: `${base}/api/feeds/deadlines.ics${feedQueryString(query)}`,
    ttl: 300,
  });
  const event = (c: CallRecord, isCancelled: boolean) => {
    const url = callUrl(c.id);
    const budget = formatBudget(c.budgetNok, lang);
    const summary = `${deadlineNoun(c, lang)}: ${c.title}`;
    const changed = new Date(isCancelled && c.cancelledAt ? c.cancelledAt : (c.lastChangedAt ?? c.updatedAt));
    cal.createEvent({
      id: `frist-${c.id}@innovasjonstorget`,
      sequence: Math.max(0, c.version - 1) + (isCancelled ? 1 : 0),
      start: new Date(c.deadline),
      stamp: changed,
      lastModified: changed,
      summary: icsText(isCancelled ? `${t.cancelled}: ${summary}` : summary),
      description: icsText(
        [
          c.summary,
          '',
          ...(isCancelled && c.cancelReason ? [`${t.cancelled}. ${t.reason}: ${c.cancelReason}`, ''] : []),
          ...(!isCancelled && c.lastChange && c.lastChangedAt ? [`${t.corrected} ${formatDeadline(c.lastChangedAt, lang)}: ${c.lastChange.note}`, ''] : []),
          buyerName(c, lang),
          ...(budget ? [`${budget}.`] : []),
          ...[describeCpv(c.cpvCodes, lang)].filter(Boolean),
          url,
        ].join('\n'),
      ),
      location: buyerName(c, lang),
      url,
      ...(isCancelled
        ? { status: ICalEventStatus.CANCELLED }
        : { alarms: [{ type: ICalAlarmType.display, trigger: REMINDER_SECONDS, description: icsText(t.reminder(c.title, callAnswerWords(c, lang).many)) }] }),
    });
  };
  for (const c of open) event(c, false);
  for (const c of cancelled) event(c, true);
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
