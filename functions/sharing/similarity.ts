import { B, bm25Pair, idf, K1, TextIndex, termFrequencies } from '../../shared/matching/bm25.js';
import { bestCpvOverlap, type CpvOverlap } from '../../shared/matching/cpv-overlap.js';
import { surfaceForms, tokenize } from '../../shared/matching/tokenize.js';
import { callQueryText, TEXT_HALF } from '../../shared/matching/score.js';
import { DOMAIN_LABELS, type Domain } from '../../shared/domain/vocabulary.js';

/** What similarity needs of a call. */
export interface SimilarityCall {
  id: string;
  title: string;
  summary: string;
  description: string;
  domains: readonly Domain[];
  cpvCodes: readonly string[];
}

export interface Reason {
  nb: string;
  en: string;
}

export interface Similarity {
  /** 0–100, rounded to hundredths. */
  score: number;
  reasons: Reason[];
  sharedDomains: Domain[];
  cpv?: CpvOverlap;
  /** BM25 of the text signal (averaged over both directions when symmetric). */
  bm25: number;
}

/**
 * Points (sum 100): the words of the two calls carry most, a shared CPV area next, a shared domain
 * (the municipalities' own classification) the rest. The same pieces as partner matching: BM25 over
 * the call texts (title twice) and the CPV hierarchy.
 */
export const SIMILARITY_WEIGHTS = { text: 45, cpv: 35, domain: 20 } as const;

const round = (x: number) => Math.round(x * 100) / 100;
const textStrength = (bm25: number) => (bm25 > 0 ? bm25 / (bm25 + TEXT_HALF) : 0);

const CPV_LEVEL = {
  code: { nb: 'Samme CPV-kode', en: 'Same CPV code' },
  class: { nb: 'Deler CPV-klasse', en: 'Shares CPV class' },
  group: { nb: 'Deler CPV-gruppe', en: 'Shares CPV group' },
  division: { nb: 'Deler CPV-avdeling', en: 'Shares CPV division' },
} as const;

/**
 * A corpus of call texts with BM25 statistics over exactly these calls. Comparisons are only comparable
 * within one corpus: build it from the same set of calls whoever asks, and a pair scores the same for
 * both sides (with `symmetric`).
 */
export class CallCorpus {
  private readonly index: TextIndex;
  private readonly terms = new Map<string, string[]>();
  private readonly tf = new Map<string, Map<string, number>>();
  private readonly length = new Map<string, number>();

  constructor(calls: readonly SimilarityCall[]) {
    const docs: string[][] = [];
    for (const c of calls) {
      if (this.terms.has(c.id)) continue;
      const t = tokenize(callQueryText(c));
      this.terms.set(c.id, t);
      this.tf.set(c.id, termFrequencies(t));
      this.length.set(c.id, t.length);
      docs.push(t);
    }
    this.index = new TextIndex(docs);
  }

  /** `a`'s words as a query against `b` as a document, with each shared term's share. */
  private text(a: SimilarityCall, b: SimilarityCall) {
    const q = this.terms.get(a.id) ?? tokenize(callQueryText(a));
    const tf = this.tf.get(b.id) ?? termFrequencies(tokenize(callQueryText(b)));
    const len = this.length.get(b.id) ?? [...tf.values()].reduce((s, n) => s + n, 0);
    return bm25Pair(q, tf, len, this.index);
  }

  /**
   * The text test of «the same need» alone (isSameNeed's second half), without building reasons: cheap enough
   * to run on every candidate pair before the full comparison.
   */
  textIsSameNeed(a: SimilarityCall, b: SimilarityCall): boolean {
    const bm25 = (this.textScore(a.id, b.id) + this.textScore(b.id, a.id)) / 2;
    return textStrength(bm25) >= NEED_MIN_TEXT;
  }

  /**
   * The symmetric score of `compare` when the pair is «the same need» (isSameNeed), else undefined; no reasons
   * are built, so ranking thousands of pairs is cheap and `compare` runs only for the pairs shown.
   */
  sameNeedScore(a: SimilarityCall, b: SimilarityCall): number | undefined {
    const bm25 = (this.textScore(a.id, b.id) + this.textScore(b.id, a.id)) / 2;
    if (textStrength(bm25) < NEED_MIN_TEXT) return undefined;
    const sharedDomain = a.domains.some((d) => b.domains.includes(d));
    const cpv = bestCpvOverlap(a.cpvCodes, b.cpvCodes);
    if (!sharedDomain && (cpv?.strength ?? 0) < 0.5) return undefined;
    return round(
      (sharedDomain ? SIMILARITY_WEIGHTS.domain : 0) + (cpv ? SIMILARITY_WEIGHTS.cpv * cpv.strength : 0) + SIMILARITY_WEIGHTS.text * textStrength(bm25),
    );
  }

  private readonly unique = new Map<string, { term: string; idf: number }[]>();
  /** The same BM25 score as `text`, without explanation (no sorting, idf computed once per term). */
  private textScore(aId: string, bId: string): number {
    let q = this.unique.get(aId);
    if (!q) {
      q = [...new Set(this.terms.get(aId) ?? [])].map((term) => ({ term, idf: idf(this.index, term) }));
      this.unique.set(aId, q);
    }
    const tf = this.tf.get(bId);
    if (!tf) return 0;
    const norm = K1 * (1 - B + (B * (this.length.get(bId) ?? 0)) / (this.index.avgLength || 1));
    let score = 0;
    for (const { term, idf: w } of q) {
      const f = tf.get(term);
      if (f) score += w * ((f * (K1 + 1)) / (f + norm));
    }
    return score;
  }

  /** How alike `b` is to `a`; reasons in `a`'s words. `symmetric` averages the text signal both ways. */
  compare(a: SimilarityCall, b: SimilarityCall, opts: { symmetric?: boolean } = {}): Similarity {
    const forward = this.text(a, b);
    const bm25 = opts.symmetric ? (forward.score + this.text(b, a).score) / 2 : forward.score;
    const sharedDomains = a.domains.filter((d) => b.domains.includes(d));
    // Symmetric by construction: the best pair of codes is the same whichever side is "the call".
    const cpv = bestCpvOverlap(a.cpvCodes, b.cpvCodes);

    const parts: { points: number; reason: Reason }[] = [];
    if (sharedDomains.length) {
      const nb = sharedDomains.map((d) => DOMAIN_LABELS[d].nb).join(', ');
      const en = sharedDomains.map((d) => DOMAIN_LABELS[d].en).join(', ');
      parts.push({
        points: SIMILARITY_WEIGHTS.domain,
        reason: { nb: `Samme område: ${nb}`, en: `${sharedDomains.length > 1 ? 'Same domains' : 'Same domain'}: ${en}` },
      });
    }
    if (cpv) {
      const label = CPV_LEVEL[cpv.level];
      const code = cpv.level === 'code' ? cpv.callCode : cpv.shared;
      parts.push({ points: SIMILARITY_WEIGHTS.cpv * cpv.strength, reason: { nb: `${label.nb} ${code}`, en: `${label.en} ${code}` } });
    }
    if (bm25 > 0 && forward.terms.length) {
      const forms = surfaceForms(callQueryText(a));
      const words = forward.terms
        .slice(0, 4)
        .map((t) => forms.get(t.term) ?? t.term)
        .join(', ');
      parts.push({ points: SIMILARITY_WEIGHTS.text * textStrength(bm25), reason: { nb: `Felles ord: ${words}`, en: `Shared words: ${words}` } });
    }
    parts.sort((x, y) => y.points - x.points);
    const score = round(parts.reduce((s, p) => s + p.points, 0));
    return { score, reasons: parts.map((p) => p.reason), sharedDomains, cpv, bm25 };
  }
}

/** Shown in "similar calls": anything with a real signal, not just one common word. */
export const SIMILAR_MIN_SCORE = 20;

/**
 * "The same need": the same domain or CPV area (group or finer), and text that is clearly alike.
 * Both conditions are symmetric, so two municipalities always see the pair together.
 */
export const NEED_MIN_TEXT = 0.5;
export function isSameNeed(s: Similarity): boolean {
  const area = s.sharedDomains.length > 0 || (s.cpv?.strength ?? 0) >= 0.5;
  return area && textStrength(s.bm25) >= NEED_MIN_TEXT;
}
