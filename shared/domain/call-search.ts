import type { StoredCallStatus } from './call-status.js';

/**
 * The one rule that decides whether a call matches a search: the public list (index path and in-memory
 * snapshot), the feeds, saved-search notices and digests all use it. The conditions are data
 * (`searchConditions`); `matchesCallSearch` evaluates them in memory and `callSearchFilter` turns the same
 * list into a DynamoDB FilterExpression over the attributes `callSearchAttributes` stores with each call, so
 * the two paths cannot drift (a property test compares them on random searches).
 */

/** Free text: at most this many distinct words, all of which must appear. */
export const MAX_SEARCH_WORDS = 8;

export interface CallSearch {
  /** Lower-cased (nb) words that must all appear in title, summary or description. */
  words?: readonly string[];
  municipality?: string;
  domain?: string;
  /** 2–8 digits: some CPV code of the call starts with it. */
  cpvPrefix?: string;
  /** Stored status (for a municipality's own list), and how the deadline compares to a given instant. */
  status?: StoredCallStatus;
  deadline?: { before?: string; after?: string };
}

/** What the rule reads of a call. */
export interface SearchableCall {
  title: string;
  summary: string;
  description: string;
  municipalityCode: string;
  domains: readonly string[];
  cpvCodes: readonly string[];
  status?: string;
  deadline?: string;
}

/** A CPV prefix as the filters take it. */
export const CPV_PREFIX = /^\d{2,8}$/;

/** The distinct lower-cased words of a free-text query, at most MAX_SEARCH_WORDS; undefined when none. */
export function searchWords(q: string | undefined): string[] | undefined {
  const words = q ? [...new Set(q.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean))].slice(0, MAX_SEARCH_WORDS) : [];
  return words.length > 0 ? words : undefined;
}

/** Every prefix (2–8 digits) of every code, so "cpv=722" is one `contains` on a list. */
export const cpvPrefixes = (codes: readonly string[]): string[] =>
  [...new Set(codes.flatMap((c) => Array.from({ length: c.length - 1 }, (_, i) => c.slice(0, i + 2))))];

/** The derived attributes a stored call carries for the DynamoDB path. */
export function callSearchAttributes(c: Pick<SearchableCall, 'title' | 'summary' | 'description' | 'cpvCodes'>) {
  return {
    searchText: `${c.title}\n${c.summary}\n${c.description}`.toLocaleLowerCase('nb'),
    cpvPrefixes: cpvPrefixes(c.cpvCodes),
  };
}
export const SEARCH_ATTRIBUTES = ['searchText', 'cpvPrefixes'] as const;

type Attribute = 'municipalityCode' | 'status' | 'domains' | 'cpvPrefixes' | 'searchText' | 'deadline';
export type Condition =
  | { op: 'equals'; attr: 'municipalityCode' | 'status'; value: string }
  /** A list attribute holds the value; a string attribute contains it. */
  | { op: 'contains'; attr: 'domains' | 'cpvPrefixes' | 'searchText'; value: string }
  | { op: 'atMost' | 'after'; attr: 'deadline'; value: string };

export function searchConditions(s: CallSearch): Condition[] {
  const out: Condition[] = [];
  if (s.municipality) out.push({ op: 'equals', attr: 'municipalityCode', value: s.municipality });
  if (s.domain) out.push({ op: 'contains', attr: 'domains', value: s.domain });
  if (s.cpvPrefix) out.push({ op: 'contains', attr: 'cpvPrefixes', value: s.cpvPrefix });
  for (const w of (s.words ?? []).slice(0, MAX_SEARCH_WORDS)) out.push({ op: 'contains', attr: 'searchText', value: w });
  if (s.status) out.push({ op: 'equals', attr: 'status', value: s.status });
  if (s.deadline?.before) out.push({ op: 'atMost', attr: 'deadline', value: s.deadline.before });
  if (s.deadline?.after) out.push({ op: 'after', attr: 'deadline', value: s.deadline.after });
  return out;
}

/** In memory: the call matches when every condition holds. Pass precomputed attributes to skip deriving them. */
export function matchesCallSearch(
  s: CallSearch,
  call: SearchableCall,
  derived: { searchText: string; cpvPrefixes: readonly string[] } = callSearchAttributes(call),
): boolean {
  const value = (attr: Attribute): unknown =>
    attr === 'searchText' ? derived.searchText : attr === 'cpvPrefixes' ? derived.cpvPrefixes : call[attr];
  return searchConditions(s).every((c) => {
    const v = value(c.attr);
    switch (c.op) {
      case 'equals': return v === c.value;
      case 'contains': return typeof v === 'string' ? v.includes(c.value) : Array.isArray(v) && v.includes(c.value);
      case 'atMost': return typeof v === 'string' && v <= c.value;
      case 'after': return typeof v === 'string' && v > c.value;
    }
  });
}

/** For DynamoDB: the same conditions as a FilterExpression (plain strings; shared/ imports no SDK). */
export function callSearchFilter(s: CallSearch): {
  FilterExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = searchConditions(s).map((c, i) => {
    names[`#f${i}`] = c.attr;
    values[`:f${i}`] = c.value;
    switch (c.op) {
      case 'equals': return `#f${i} = :f${i}`;
      case 'contains': return `contains(#f${i}, :f${i})`;
      case 'atMost': return `#f${i} <= :f${i}`;
      case 'after': return `#f${i} > :f${i}`;
    }
  });
  return {
    ...(parts.length ? { FilterExpression: parts.join(' AND '), ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
  };
}
