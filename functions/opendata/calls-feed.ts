import { buyerName, deadlineNoun, describeCpv, domainLabel, feedQueryString, feedTitle, formatBudget, formatDeadline, feedContent } from './feed-text.js';
import type { FeedQuery } from './open-calls.js';
import { callUrl } from './settings.js';
import { rss2 } from './rss.js';
import type { CallRecord } from '../data/calls.js';

/** When a call last changed as a feed reader sees it: a correction or a cancellation moves it. */
const changedAt = (c: CallRecord) =>
  Math.max(Date.parse(c.publishedAt ?? c.updatedAt), c.lastChangedAt ? Date.parse(c.lastChangedAt) : 0, c.cancelledAt ? Date.parse(c.cancelledAt) : 0);

/**
 * RSS 2.0 of every open call matching the filters, nearest deadline first, then the calls cancelled in the
 * last 30 days, titled «AVLYST: …» with the reason, so subscribers learn of the cancellation. An item names
 * its latest correction and is dated by it. lastBuildDate is the newest change to what the feed holds
 * (absent for an empty feed), not the time of the request.
 */
export async function callsFeed(query: FeedQuery): Promise<string> {
  const { lang, t, open, cancelled, base } = await feedContent(query);
  const newest = [...open, ...cancelled].reduce((max, c) => Math.max(max, changedAt(c)), 0);
  const item = (c: CallRecord, isCancelled: boolean) => {
    const budget = formatBudget(c.budgetNok, lang);
    const cpv = describeCpv(c.cpvCodes, lang);
    const lines = [
      c.summary,
      '',
      isCancelled && c.cancelledAt
        ? `${t.cancelledOn} ${formatDeadline(c.cancelledAt, lang)}. ${buyerName(c, lang)}.`
        : `${buyerName(c, lang)}. ${deadlineNoun(c, lang)}: ${formatDeadline(c.deadline, lang)}.`,
      ...(isCancelled && c.cancelReason ? [`${t.reason}: ${c.cancelReason}`] : []),
      ...(!isCancelled && c.lastChange && c.lastChangedAt ? [`${t.corrected} ${formatDeadline(c.lastChangedAt, lang)}: ${c.lastChange.note}`] : []),
      ...(budget ? [`${budget}.`] : []),
      ...(cpv ? [cpv] : []),
    ];
    return {
      title: isCancelled ? `${t.cancelled}: ${c.title}` : c.title,
      link: callUrl(c.id),
      pubDate: new Date(changedAt(c)),
      description: lines.join('\n'),
      categories: [
        { name: buyerName(c, lang) },
        ...c.domains.map((d) => ({ name: domainLabel(d, lang) })),
        ...c.cpvCodes.map((code) => ({ name: code, domain: 'CPV' })),
      ],
    };
  };
  return rss2({
    title: feedTitle(t.calls, query, lang),
    description: t.channelDescription,
    link: `${base}/`,
    language: lang,
    copyright: 'Norsk lisens for offentlige data (NLOD) 2.0',
    // Readers should not poll more often than shared caches refresh (Cache-Control max-age=300).
    ttlMinutes: 5,
    ...(newest ? { lastBuildDate: new Date(newest) } : {}),
    selfUrl: `${base}/api/feeds/calls${feedQueryString(query)}`,
    items: [...open.map((c) => item(c, false)), ...cancelled.map((c) => item(c, true))],
  });
}
