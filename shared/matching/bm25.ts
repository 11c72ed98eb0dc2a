/**
 * Okapi BM25 over a corpus of company documents. The same arithmetic serves one pair (`bm25Pair`) and a
 * whole corpus at once through an inverted index (`TextIndex.scoreAll`), so a ranking computed in bulk
 * equals the pair score shown in its explanation.
 */
export const K1 = 1.2;
export const B = 0.75;

export interface CorpusStats {
  docCount: number;
  avgLength: number;
  /** Number of documents that contain the term. */
  df(term: string): number;
}

export function idf(stats: CorpusStats, term: string): number {
  const n = stats.df(term);
  return Math.log(1 + (stats.docCount - n + 0.5) / (n + 0.5));
}

export function termFrequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Each distinct term at weight 1: unweighted BM25 is the weighted form with these (1 × x is x exactly). */
const unitWeights = (terms: readonly string[]) => new Map([...new Set(terms)].map((term) => [term, 1]));

/** Each query term's share of the score: the explanation lists the largest. */
export function bm25Pair(
  queryTerms: readonly string[],
  docTf: ReadonlyMap<string, number>,
  docLength: number,
  stats: CorpusStats,
): { score: number; terms: { term: string; part: number }[] } {
  // Every term weighs 1: the same floating-point sum as the weighted form (1 × x is x exactly).
  return bm25Weighted(unitWeights(queryTerms), docTf, docLength, stats);
}

/**
 * BM25 of a weighted query (term → weight): each term's part is multiplied by its weight. Terms are
 * summed in the query's own order, the same order `TextIndex.scoreWeightedInto` adds them, so the
 * pair and the bulk score are the same floating-point number.
 */
export function bm25Weighted(
  query: ReadonlyMap<string, number>,
  docTf: ReadonlyMap<string, number>,
  docLength: number,
  stats: CorpusStats,
): { score: number; terms: { term: string; part: number }[] } {
  const parts: { term: string; part: number }[] = [];
  let score = 0;
  const norm = K1 * (1 - B + (B * docLength) / (stats.avgLength || 1));
  for (const [term, w] of query) {
    const f = docTf.get(term);
    if (!f) continue;
    const part = w * idf(stats, term) * ((f * (K1 + 1)) / (f + norm));
    score += part;
    parts.push({ term, part });
  }
  parts.sort((a, b) => b.part - a.part || a.term.localeCompare(b.term));
  return { score, terms: parts };
}

/** Inverted index of a document corpus: term → (document, frequency) postings. */
export class TextIndex implements CorpusStats {
  readonly docCount: number;
  readonly avgLength: number;
  private readonly lengths: Uint32Array;
  private readonly postings = new Map<string, { docs: Uint32Array; tfs: Uint16Array }>();

  constructor(docs: readonly (readonly string[])[]) {
    this.docCount = docs.length;
    this.lengths = new Uint32Array(docs.length);
    const build = new Map<string, { docs: number[]; tfs: number[] }>();
    let total = 0;
    docs.forEach((terms, d) => {
      this.lengths[d] = terms.length;
      total += terms.length;
      for (const [term, f] of termFrequencies(terms)) {
        let p = build.get(term);
        if (!p) build.set(term, (p = { docs: [], tfs: [] }));
        p.docs.push(d);
        p.tfs.push(Math.min(f, 65535));
      }
    });
    this.avgLength = docs.length ? total / docs.length : 0;
    for (const [term, p] of build) this.postings.set(term, { docs: Uint32Array.from(p.docs), tfs: Uint16Array.from(p.tfs) });
  }

  df(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  length(doc: number): number {
    return this.lengths[doc] ?? 0;
  }

  /** BM25 of the query against every document; only documents sharing a term are touched. */
  scoreAll(queryTerms: readonly string[]): Map<number, number> {
    const scores = new Float64Array(this.docCount);
    const touched: number[] = [];
    this.scoreInto(queryTerms, scores, touched);
    return new Map(touched.map((d) => [d, scores[d]!]));
  }

  /**
   * BM25 into caller-owned buffers, for ranking a whole corpus many times without
   * allocating: `scores` must be zero on entry; the documents touched are appended to `touched`.
   */
  scoreInto(queryTerms: readonly string[], scores: Float64Array, touched: number[]): void {
    this.scoreWeightedInto(unitWeights(queryTerms), scores, touched);
  }

  /** Weighted BM25 (see `bm25Weighted`) into caller-owned buffers, as `scoreInto`. */
  scoreWeightedInto(query: ReadonlyMap<string, number>, scores: Float64Array, touched: number[]): void {
    for (const [term, weight] of query) {
      const p = this.postings.get(term);
      if (!p) continue;
      const w = weight * idf(this, term);
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const f = p.tfs[i]!;
        const norm = K1 * (1 - B + (B * this.lengths[d]!) / (this.avgLength || 1));
        if (scores[d] === 0) touched.push(d);
        scores[d]! += w * ((f * (K1 + 1)) / (f + norm));
      }
    }
  }

  /** Document frequencies of the given terms only: enough for a client to score against this corpus. */
  statsFor(terms: Iterable<string>): { docCount: number; avgLength: number; df: Record<string, number> } {
    const df: Record<string, number> = {};
    for (const t of terms) {
      const n = this.df(t);
      if (n) df[t] = n;
    }
    return { docCount: this.docCount, avgLength: this.avgLength, df };
  }
}

/** Corpus stats shipped as plain data (e.g. to the browser). */
export function statsFromData(data: { docCount: number; avgLength: number; df: Record<string, number> }): CorpusStats {
  return { docCount: data.docCount, avgLength: data.avgLength, df: (t) => data.df[t] ?? 0 };
}
