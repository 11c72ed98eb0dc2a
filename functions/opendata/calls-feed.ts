import { now } from '../core/clock.js';
import { buyerName, domainLabel, feedQueryString, feedTitle, formatDeadline } from './feed-text.js';
import { openCallsMatching, recentlyCancelledMatching, type FeedQuery } from './open-calls.js';
import { callUrl, publicBaseUrl } from './settings.js';
import { rss2 } from './rss.js';

/** RSS 2.0 of every open call matching the filters, nearest deadline first. */
export async function callsFeed(query: FeedQuery): Promise<string> {
  const at = now();
  const calls = [...(await openCallsMatching(query, at.toISOString())), ...(await recentlyCancelledMatching(query, at.toISOString()))];
  const base = publicBaseUrl();
  const newest = calls.reduce((max, c) => Math.max(max, Date.parse(c.updatedAt)), 0);
  return rss2({
    title: feedTitle('åpne utlysninger', query),
    description: 'Åpne innovasjonsutlysninger fra kommunene i Østfold.',
    link: `${base}/`,
    language: 'nb',
    copyright: 'Norsk lisens for offentlige data (NLOD) 2.0',
    // Readers should not poll more often than shared caches refresh (Cache-Control max-age=300).
    ttlMinutes: 5,
    lastBuildDate: newest ? new Date(newest) : at,
    selfUrl: `${base}/api/feeds/calls${feedQueryString(query)}`,
    items: calls.map((c) => ({
      title: c.status === 'cancelled' ? `AVLYST: ${c.title}` : c.title,
      link: callUrl(c.id),
      pubDate: new Date(c.status === 'cancelled' ? c.cancelledAt ?? c.updatedAt : c.publishedAt ?? c.updatedAt),
      description:
        c.status === 'cancelled'
          ? `Avlyst: ${c.cancelReason ?? ''}\n\n${c.summary}\n\n${buyerName(c)}.`
          : `${c.summary}\n\n${buyerName(c)}. Frist: ${formatDeadline(c.deadline)}.`,
      categories: [
        { name: buyerName(c) },
        ...c.domains.map((d) => ({ name: domainLabel(d) })),
        ...c.cpvCodes.map((code) => ({ name: code, domain: 'CPV' })),
      ],
    })),
  });
}
