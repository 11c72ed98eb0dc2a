import { publishedCallsPage, type CallFilters, type CallRecord } from '../data/calls.js';
import { queryCancelledSince } from '../data/opendata.js';
import { searchText } from '../data/published-snapshot.js';
import { MUNICIPALITY_CODES } from '../../shared/domain/municipalities.js';
import type { Key } from '../data/paging.js';

/** The filters feeds take: those of GET /api/calls, plus a CPV prefix (and the language of the text). */
export interface FeedQuery {
  lang?: 'nb' | 'en';
  municipality?: string;
  domain?: string;
  q?: string;
  cpv?: string;
}

/** Same semantics as GET /api/calls: every word must appear, compared lower-cased in bokmål. */
export const searchWords = (q?: string) =>
  q ? [...new Set(q.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean))].slice(0, 8) : undefined;

/** A CPV prefix matches a call when any of its codes starts with it. */
export const matchesCpv = (call: Pick<CallRecord, 'cpvCodes'>, prefix?: string) =>
  !prefix || call.cpvCodes.some((code) => code.startsWith(prefix));

/** Every call open at `nowIso` that matches the query, nearest deadline first (feeds are not paged). */
export async function openCallsMatching(query: FeedQuery, nowIso: string): Promise<CallRecord[]> {
  const filters: CallFilters = { municipality: query.municipality, domain: query.domain, words: searchWords(query.q) };
  const calls: CallRecord[] = [];
  let start: Key | undefined;
  do {
    const page = await publishedCallsPage('open', nowIso, filters, 500, start);
    calls.push(...page.items.filter((c) => matchesCpv(c, query.cpv)));
    start = page.lastKey;
  } while (start);
  return calls;
}

/** How long feeds keep a cancelled call, marked cancelled, so subscribers learn of the cancellation. */
export const CANCELLED_KEPT_DAYS = 30;

/** Calls cancelled after publishing in the last 30 days that match the query, most recently cancelled first. */
export async function recentlyCancelledMatching(query: FeedQuery, now: Date): Promise<CallRecord[]> {
  const since = new Date(now.getTime() - CANCELLED_KEPT_DAYS * 86_400_000).toISOString();
  const codes = query.municipality ? [query.municipality] : MUNICIPALITY_CODES;
  const words = searchWords(query.q) ?? [];
  const calls = (await Promise.all(codes.map((code) => queryCancelledSince(code, since)))).flat();
  return calls
    .filter((c) => (!query.domain || (c.domains as string[]).includes(query.domain)) && matchesCpv(c, query.cpv))
    .filter((c) => words.every((w) => searchText(c).includes(w)))
    .sort((a, b) => (b.cancelledAt ?? '').localeCompare(a.cancelledAt ?? ''));
}

/** A short human description of the filters, for feed and calendar titles. */
export function describeFilters(query: FeedQuery, names: { municipality?: string; domain?: string }): string {
  const parts = [names.municipality, names.domain, query.q ? `«${query.q}»` : undefined, query.cpv ? `CPV ${query.cpv}*` : undefined];
  return parts.filter(Boolean).join(', ');
}
