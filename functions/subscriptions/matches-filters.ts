/** The saved search's filters (as stored: plain strings). */
export interface Filters {
  cpvPrefix?: string;
  municipality?: string;
  domain?: string;
  q?: string;
}

/** What the filters look at in a call. */
export interface MatchableCall {
  title: string;
  summary: string;
  description: string;
  municipalityCode: string;
  domains: readonly string[];
  cpvCodes: readonly string[];
}

/** Lower-cased (nb) distinct words of a free-text filter. */
export const queryWords = (q: string | undefined): string[] =>
  q ? [...new Set(q.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean))] : [];

/**
 * A saved search matches a call when every filter it gives holds: a CPV prefix that one of the call's CPV
 * codes starts with, the municipality, a domain among the call's, and every word of q inside title, summary
 * or description (the same text and lower-casing as GET /api/calls?q=). No filters: every call matches.
 */
export function matchesFilters(filters: Filters, call: MatchableCall): boolean {
  if (filters.cpvPrefix && !call.cpvCodes.some((code) => code.startsWith(filters.cpvPrefix!))) return false;
  if (filters.municipality && call.municipalityCode !== filters.municipality) return false;
  if (filters.domain && !call.domains.includes(filters.domain)) return false;
  const words = queryWords(filters.q);
  if (words.length > 0) {
    const text = `${call.title}\n${call.summary}\n${call.description}`.toLocaleLowerCase('nb');
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}
