import { searchWords } from '../../shared/domain/call-search.js';
import { listCancelledSince, publishedCallsPage, type CallFilters, type CallRecord } from '../data/calls.js';
import { matchesFilters } from '../subscriptions/matches-filters.js';
import type { Key } from '../data/paging.js';

/** The filters feeds take: those of GET /api/calls, plus a CPV prefix (and the language of the text). */
export interface FeedQuery {
  lang?: 'nb' | 'en';
  municipality?: string;
  domain?: string;
  q?: string;
  cpv?: string;
}

/** Every call open at `nowIso` that matches the query (the list's search rule), nearest deadline first (feeds are not paged). */
export async function openCallsMatching(query: FeedQuery, nowIso: string): Promise<CallRecord[]> {
  const filters: CallFilters = { municipality: query.municipality, domain: query.domain, words: searchWords(query.q), cpvPrefix: query.cpv };
  const calls: CallRecord[] = [];
  let start: Key | undefined;
  do {
    const page = await publishedCallsPage('open', nowIso, filters, 500, start);
    calls.push(...page.items);
    start = page.lastKey;
  } while (start);
  return calls;
}

/** How long feeds keep a cancelled call, marked cancelled, so subscribers learn of the cancellation. */
export const CANCELLED_KEPT_DAYS = 30;

/** Calls cancelled after publishing in the last 30 days that match the query (the same rule), most recently cancelled first. */
export async function recentlyCancelledMatching(query: FeedQuery, now: Date): Promise<CallRecord[]> {
  const since = new Date(now.getTime() - CANCELLED_KEPT_DAYS * 86_400_000).toISOString();
  const filters = { municipality: query.municipality, domain: query.domain, q: query.q, cpvPrefix: query.cpv };
  return (await listCancelledSince(since)).filter((c) => matchesFilters(filters, c));
}

/** A short human description of the filters, for feed and calendar titles. */
export function describeFilters(query: FeedQuery, names: { municipality?: string; domain?: string }): string {
  const parts = [names.municipality, names.domain, query.q ? `«${query.q}»` : undefined, query.cpv ? `CPV ${query.cpv}*` : undefined];
  return parts.filter(Boolean).join(', ');
}
