import { matchesCallSearch, searchWords, type SearchableCall } from '../../shared/domain/call-search.js';

/** The saved search's filters (as stored: plain strings). */
export interface Filters {
  cpvPrefix?: string;
  municipality?: string;
  domain?: string;
  q?: string;
}

/** What the filters look at in a call. */
export type MatchableCall = SearchableCall;

/**
 * A saved search matches a call by the same rule as GET /api/calls?q= and the feeds (shared/domain/call-search.ts):
 * a CPV prefix that one of the call's codes starts with, the municipality, a domain among the call's, and every
 * word of q (at most eight) in title, summary or description. No filters: every call matches.
 */
export function matchesFilters(filters: Filters, call: MatchableCall): boolean {
  return matchesCallSearch({ cpvPrefix: filters.cpvPrefix, municipality: filters.municipality, domain: filters.domain, words: searchWords(filters.q) }, call);
}
