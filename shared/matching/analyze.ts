/**
 * Text analysis for matching: the same tokeniser as everywhere (lower-cased, stop words dropped,
 * Snowball stems), plus compound splitting (`compounds.ts`) and, on the call's side, field weights and
 * the reviewed related terms (`related-terms.ts`).
 *
 * - A company document is its capabilities (its own tags, CAPABILITY_REPEAT times), its description
 *   once, and its name once (the sector word in «Halden VA AS» says what the firm does). A compound adds
 *   its parts as terms beside itself, so «fyllingssensorer» also counts as «fylling» and «sensor».
 * - A call query is a weight per term: the highest field weight the term has (title above summary above
 *   description), a compound's parts at PART_WEIGHT of the word, and related terms at their entry's
 *   weight. BM25 multiplies each term's part by its weight (see `bm25.ts`, weighted queries).
 */
import { splitCompound } from './compounds.js';
import { RELATED_TERMS } from './related-terms.js';
import { stem, words } from './tokenize.js';

export const CAPABILITY_REPEAT = 3;
export const FIELD_WEIGHTS = { title: 1, summary: 0.9, description: 0.7 } as const;
export const PART_WEIGHT = 0.7;

/** Stems of a text's words, each followed by the stems of its compound parts. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text.replace(/-/g, ' '))) {
    const s = stem(w);
    out.push(s);
    const parts = splitCompound(w);
    if (parts) for (const p of parts) {
      const ps = stem(p);
      if (ps !== s && ps.length > 1) out.push(ps);
    }
  }
  return out;
}

/** The terms of a company profile as the text index holds them. */
export function profileTerms(p: { name?: string; description?: string; capabilities?: readonly string[] }): string[] {
  const caps = analyze((p.capabilities ?? []).join(' '));
  const out = [...analyze(p.description ?? ''), ...analyze(p.name ?? '')];
  for (let i = 0; i < CAPABILITY_REPEAT; i++) out.push(...caps);
  return out;
}

export interface WeightedQuery {
  /** Term → weight in (0, 1]. */
  weights: Map<string, number>;
  /** Term → the word of the call it came from (or the related word), for reasons. */
  surface: Map<string, string>;
  /** Terms that came in only through a related-terms entry: term → the call's word that brought it. */
  via: Map<string, string>;
}

interface Loaded {
  from: Set<string>;
  to: { term: string; word: string }[];
  weight: number;
}

let loaded: Loaded[] | undefined;
const relatedTerms = (): Loaded[] =>
  (loaded ??= RELATED_TERMS.map((e) => ({
    from: new Set(e.words.map((w) => stem(w.toLocaleLowerCase('nb')))),
    to: e.related.map((w) => ({ term: stem(w.toLocaleLowerCase('nb')), word: w })),
    weight: e.weight,
  })));

/** The weighted query of a call's title, summary and description. */
export function callQuery(c: { title: string; summary: string; description: string }): WeightedQuery {
  const weights = new Map<string, number>();
  const surface = new Map<string, string>();
  const via = new Map<string, string>();
  const add = (term: string, w: number, form: string) => {
    if ((weights.get(term) ?? 0) < w) weights.set(term, w);
    if (!surface.has(term)) surface.set(term, form);
  };
  for (const [field, fw] of [['title', FIELD_WEIGHTS.title], ['summary', FIELD_WEIGHTS.summary], ['description', FIELD_WEIGHTS.description]] as const) {
    for (const w of words(c[field].replace(/-/g, ' '))) {
      const s = stem(w);
      add(s, fw, w);
      const parts = splitCompound(w);
      if (parts) for (const p of parts) {
        const ps = stem(p);
        if (ps !== s && ps.length > 1) add(ps, fw * PART_WEIGHT, p);
      }
    }
  }
  // One step of related terms, from the call's own terms only.
  const own = [...weights];
  for (const entry of relatedTerms()) {
    let strongest = 0;
    let word = '';
    for (const [t, w] of own) if (entry.from.has(t) && w > strongest) [strongest, word] = [w, surface.get(t) ?? t];
    if (!strongest) continue;
    for (const { term: t, word: form } of entry.to) {
      const w = strongest * entry.weight;
      if ((weights.get(t) ?? 0) < w) {
        weights.set(t, w);
        if (!surface.has(t)) surface.set(t, form);
        if (!own.some(([o]) => o === t)) via.set(t, word);
      }
    }
  }
  return { weights, surface, via };
}
