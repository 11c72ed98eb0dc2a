import { B, idf, K1, type CorpusStats } from './bm25.js';
import type { PackedMatchData } from './packed-index.js';

/**
 * BM25 over the packed postings (packed-index.ts): the same arithmetic as `TextIndex` and `bm25Weighted`
 * (bm25.ts), term by term in the query's order, so a bulk score equals the explained pair score to the
 * last bit. Holds only a term → id map and one precomputed length norm per document.
 */
export class PackedText implements CorpusStats {
  readonly docCount: number;
  readonly avgLength: number;
  /** K1 × (1 − B + B × length / avgLength) per document: the expression `bm25Weighted` computes per pair. */
  private readonly norms: Float64Array;
  /**
   * Per posting, the BM25 term-frequency factor (f × (K1 + 1)) / (f + norm), so a query only multiplies and
   * adds; filled per term the first time a query reads it (`ready`), so a cold start pays only for its terms.
   */
  private readonly parts: Float64Array;
  private readonly ready: Uint8Array;
  private readonly ids = new Map<string, number>();

  constructor(private readonly d: PackedMatchData) {
    this.docCount = d.lengths.length;
    let total = 0;
    for (let i = 0; i < d.lengths.length; i++) total += d.lengths[i]!;
    this.avgLength = this.docCount ? total / this.docCount : 0;
    this.norms = new Float64Array(this.docCount);
    for (let i = 0; i < this.docCount; i++) this.norms[i] = K1 * (1 - B + (B * d.lengths[i]!) / (this.avgLength || 1));
    d.terms.forEach((t, i) => this.ids.set(t, i));
    this.parts = new Float64Array(d.postDocs.length);
    this.ready = new Uint8Array(d.terms.length);
  }

  private prepare(t: number): void {
    const { termStart, postDocs, postTfs } = this.d;
    for (let k = termStart[t]!, end = termStart[t + 1]!; k < end; k++) this.parts[k] = this.part(postDocs[k]!, postTfs[k]!);
    this.ready[t] = 1;
  }

  /** The BM25 term-frequency factor of `f` occurrences in document `doc`: the one expression every score uses. */
  part(doc: number, f: number): number {
    return (f * (K1 + 1)) / (f + this.norms[doc]!);
  }

  /** A term's id in the packed arrays, if any document has it. */
  termId(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Adds w × factor of term `t` to every document that has it. */
  addAll(t: number, w: number, scores: Float64Array): void {
    if (!this.ready[t]) this.prepare(t);
    const { termStart, postDocs } = this.d;
    const parts = this.parts;
    for (let k = termStart[t]!, end = termStart[t + 1]!; k < end; k++) scores[postDocs[k]!]! += w * parts[k]!;
  }

  /** Adds w × factor of term `t` to every document that has it, marking newcomers in `seen` (accumulate's loop for one term). */
  addTerm(t: number, w: number, scores: Float64Array, seen: Uint8Array, touched: Int32Array, count: number): number {
    if (!this.ready[t]) this.prepare(t);
    const { termStart, postDocs } = this.d;
    const parts = this.parts;
    for (let k = termStart[t]!, end = termStart[t + 1]!; k < end; k++) {
      const d = postDocs[k]!;
      if (!seen[d]) {
        seen[d] = 1;
        touched[count++] = d;
      }
      scores[d]! += w * parts[k]!;
    }
    return count;
  }

  df(term: string): number {
    const t = this.ids.get(term);
    return t === undefined ? 0 : this.d.termStart[t + 1]! - this.d.termStart[t]!;
  }

  length(doc: number): number {
    return this.d.lengths[doc] ?? 0;
  }

  /** How often `term` occurs in document `doc` (binary search in the term's postings, ids ascending). */
  tf(doc: number, term: string): number {
    const t = this.ids.get(term);
    if (t === undefined) return 0;
    let lo = this.d.termStart[t]!;
    let hi = this.d.termStart[t + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.d.postDocs[mid]!;
      if (at === doc) return this.d.postTfs[mid]!;
      if (at < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /**
   * Weighted BM25 into caller-owned buffers: `scores` zero and `seen` clear on entry; each document
   * touched is marked in `seen` and written to `touched`. Returns how many were touched.
   */
  accumulate(query: ReadonlyMap<string, number>, scores: Float64Array, seen: Uint8Array, touched: Int32Array): number {
    let count = 0;
    for (const [term, weight] of query) {
      const t = this.ids.get(term);
      if (t === undefined) continue;
      count = this.addTerm(t, weight * idf(this, term), scores, seen, touched, count);
    }
    return count;
  }

  /** Weighted BM25 into `scores` (zero on entry); the documents touched are appended to `touched` (as `TextIndex`). */
  scoreWeightedInto(query: ReadonlyMap<string, number>, scores: Float64Array, touched: number[]): void {
    const seen = new Uint8Array(this.docCount);
    const into = new Int32Array(this.docCount);
    const count = this.accumulate(query, scores, seen, into);
    for (let k = 0; k < count; k++) touched.push(into[k]!);
  }
}
