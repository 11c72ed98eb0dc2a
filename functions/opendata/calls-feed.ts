import { Feed } from 'feed';
import { now } from '../core/clock.js';
import { buyerName, domainLabel, feedQueryString, feedTitle, formatDeadline } from './feed-text.js';
import { openCallsMatching, type FeedQuery } from './open-calls.js';
import { callUrl, publicBaseUrl } from './settings.js';

/** RSS 2.0 of every open call matching the filters, nearest deadline first. */
export async function callsFeed(query: FeedQuery): Promise<string> {
  const at = now();
  const calls = await openCallsMatching(query, at.toISOString());
  const base = publicBaseUrl();
  const newest = calls.reduce((max, c) => Math.max(max, Date.parse(c.updatedAt)), 0);
  const feed = new Feed({
    title: feedTitle('åpne utlysninger', query),
    description: 'Åpne innovasjonsutlysninger fra kommunene i Østfold.',
    id: `${base}/`,
    link: `${base}/`,
    language: 'nb',
    copyright: 'Norsk lisens for offentlige data (NLOD) 2.0',
    generator: 'Innovasjonstorget',
    // Readers should not poll more often than shared caches refresh (Cache-Control max-age=300).
    ttl: 5,
    updated: newest ? new Date(newest) : at,
    feedLinks: { rss: `${base}/api/feeds/calls${feedQueryString(query)}` },
  });
  for (const c of calls) {
    const link = callUrl(c.id);
    feed.addItem({
      title: c.title,
      id: link,
      link,
      date: new Date(c.publishedAt ?? c.updatedAt),
      description: `${c.summary}\n\n${buyerName(c)}. Frist: ${formatDeadline(c.deadline)}.`,
      category: [
        { name: buyerName(c) },
        ...c.domains.map((d) => ({ name: domainLabel(d) })),
        ...c.cpvCodes.map((code) => ({ name: code, domain: 'CPV' })),
      ],
    });
  }
  return feed.rss2();
}
