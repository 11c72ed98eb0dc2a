import type { StoredCallStatus } from './call-status.js';

/**
 * The one rule that decides whether a call matches a search: the public list (index path and in-memory
 * snapshot), the feeds, saved-search notices and digests all use it. The conditions are data
 * (`searchConditions`); `matchesCallSearch` evaluates them in memory and `callSearchFilter` turns the same
 * list into a DynamoDB FilterExpression over the attributes `callSearchAttributes` stores with each call, so
 * the two paths cannot drift (a property test compares them on random searches).
 */

/** Free text: at most this many distinct words, each of which must begin some word of the call's text. */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a text as search compares them: lower-cased (nb), split at anything that is not a letter
 * or digit. A query word matches when it begins one of them («sens» finds «sensorer»), on both paths.
 */
export const textWords = (text: string): string[] =>
  text
    .toLocaleLowerCase('nb')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The free-text index is keyed by the first WORD_KEY_LENGTH letters of each word (`PUB#W#sen`): a query word
 * at least this long finds its calls in one partition, whatever it continues with. Shorter words (and the
 * stop words below, which begin nearly every text) are only checked by the filter.
 */
export const WORD_KEY_LENGTH = 3;
const STOP_PREFIXES = new Set([
  'som',
  'med',
  'til',
  'for',
  'det',
  'kan',
  'der',
  'har',
  'ska',
  'vil',
  'fra',
  'ved',
  'all',
  'ett',
  'men',
  'mer',
  'ogs',
  'sin',
  'den',
  'dem',
  'ikk',
  'ell',
  'hva',
  'hvo',
  'and',
  'the',
  'kom',
]);
export const wordKey = (word: string): string | undefined => {
  const key = word.slice(0, WORD_KEY_LENGTH);
  return key.length === WORD_KEY_LENGTH && !STOP_PREFIXES.has(key) ? key : undefined;
};

export interface CallSearch {
  /** Lower-cased (nb) words that must all appear in title, summary or description. */
  words?: readonly string[];
  municipality?: string;
  /** Two-digit county number (fylkesnummer): the first two digits of the kommunenummer. */
  county?: string;
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
  const words = q ? [...new Set(textWords(q))].slice(0, MAX_SEARCH_WORDS) : [];
  return words.length > 0 ? words : undefined;
}

/** Every prefix (2–8 digits) of every code, so "cpv=722" is one `contains` on a list. */
export const cpvPrefixes = (codes: readonly string[]): string[] => [
  ...new Set(codes.flatMap((c) => Array.from({ length: c.length - 1 }, (_, i) => c.slice(0, i + 2)))),
];

export const countyOf = (municipalityCode: string) => municipalityCode.slice(0, 2);

/**
 * The derived attributes a stored call carries for the DynamoDB path. `searchText` is the call's distinct
 * words, each preceded by a space, so «some word begins with w» is `contains(searchText, ' ' + w)`.
 */
export function callSearchAttributes(c: Pick<SearchableCall, 'title' | 'summary' | 'description' | 'cpvCodes' | 'municipalityCode'>) {
  return {
    searchText: ` ${[...new Set(textWords(`${c.title}\n${c.summary}\n${c.description}`))].join(' ')}`,
    cpvPrefixes: cpvPrefixes(c.cpvCodes),
    countyCode: countyOf(c.municipalityCode),
  };
}
export const SEARCH_ATTRIBUTES = ['searchText', 'cpvPrefixes', 'countyCode'] as const;

type Attribute = 'municipalityCode' | 'countyCode' | 'status' | 'domains' | 'cpvPrefixes' | 'searchText' | 'deadline';
export type Condition =
  | { op: 'equals'; attr: 'municipalityCode' | 'countyCode' | 'status'; value: string }
  /** A list attribute holds the value; a string attribute contains it. */
  | { op: 'contains'; attr: 'domains' | 'cpvPrefixes' | 'searchText'; value: string }
  | { op: 'atMost' | 'after'; attr: 'deadline'; value: string };

export function searchConditions(s: CallSearch): Condition[] {
  const out: Condition[] = [];
  if (s.municipality) out.push({ op: 'equals', attr: 'municipalityCode', value: s.municipality });
  if (s.county) out.push({ op: 'equals', attr: 'countyCode', value: s.county });
  if (s.domain) out.push({ op: 'contains', attr: 'domains', value: s.domain });
  if (s.cpvPrefix) out.push({ op: 'contains', attr: 'cpvPrefixes', value: s.cpvPrefix });
  for (const w of (s.words ?? []).slice(0, MAX_SEARCH_WORDS)) out.push({ op: 'contains', attr: 'searchText', value: ` ${w}` });
  if (s.status) out.push({ op: 'equals', attr: 'status', value: s.status });
  if (s.deadline?.before) out.push({ op: 'atMost', attr: 'deadline', value: s.deadline.before });
  if (s.deadline?.after) out.push({ op: 'after', attr: 'deadline', value: s.deadline.after });
  return out;
}

/** In memory: the call matches when every condition holds. Pass precomputed attributes to skip deriving them. */
export function matchesCallSearch(
  s: CallSearch,
  call: SearchableCall,
  derived: { searchText: string; cpvPrefixes: readonly string[]; countyCode: string } = callSearchAttributes(call),
): boolean {
  const value = (attr: Attribute): unknown => (attr === 'searchText' || attr === 'cpvPrefixes' || attr === 'countyCode' ? derived[attr] : call[attr]);
  return searchConditions(s).every((c) => {
    const v = value(c.attr);
    switch (c.op) {
      case 'equals':
        return v === c.value;
      case 'contains':
        return typeof v === 'string' ? v.includes(c.value) : Array.isArray(v) && v.includes(c.value);
      case 'atMost':
        return typeof v === 'string' && v <= c.value;
      case 'after':
        return typeof v === 'string' && v > c.value;
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
      case 'equals':
        return `#f${i} = :f${i}`;
      case 'contains':
        return `contains(#f${i}, :f${i})`;
      case 'atMost':
        return `#f${i} <= :f${i}`;
      case 'after':
        return `#f${i} > :f${i}`;
    }
  });
  return {
    ...(parts.length ? { FilterExpression: parts.join(' AND '), ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
  };
}

/**
 * The index partitions (facets of the published-calls index) that each hold every published call this
 * search can match, most selective first: the data layer queries the first and lets the filter above
 * check the rest, so a page reads about as many items as it returns whatever the size of the table.
 * Fixed order, no statistics needed: places first, because a municipality's or a county's partition does
 * not grow when other regions join (the filter's rejects within it stay as few as at Østfold size); then
 * free-text words by their key (longest word first), a CPV division, a domain; else every published call.
 */
export function searchPartitions(s: CallSearch): string[] {
  const out: string[] = [];
  const keyed = (s.words ?? [])
    .slice(0, MAX_SEARCH_WORDS)
    .filter((w) => wordKey(w))
    .sort((a, b) => b.length - a.length);
  if (s.municipality) out.push(`M#${s.municipality}`);
  // Words within a county: their own partition, since neither the county's nor the word's narrows the other.
  if (s.county && keyed[0]) out.push(`CW#${s.county}#${wordKey(keyed[0])}`);
  if (s.county) out.push(`C#${s.county}`);
  for (const w of keyed) out.push(`W#${wordKey(w)}`);
  if (s.cpvPrefix) out.push(`V#${s.cpvPrefix.slice(0, 2)}`);
  if (s.domain) out.push(`D#${s.domain}`);
  out.push('A');
  return [...new Set(out)];
}

/** Every partition a published call is listed in (the postings written with it). */
export function callPartitions(c: SearchableCall): string[] {
  const words = textWords(`${c.title}\n${c.summary}\n${c.description}`);
  return [
    ...new Set([
      'A',
      `M#${c.municipalityCode}`,
      `C#${countyOf(c.municipalityCode)}`,
      ...c.domains.map((d) => `D#${d}`),
      ...c.cpvCodes.map((code) => `V#${code.slice(0, 2)}`),
      ...words.flatMap((w) => {
        const k = wordKey(w);
        return k ? [`W#${k}`, `CW#${countyOf(c.municipalityCode)}#${k}`] : [];
      }),
    ]),
  ];
}
