import type { MatchIndex, Ranked } from './match-index.js';
import type { MatchCall } from './score.js';
import { callQuery, type WeightedQuery } from './analyze.js';
import type { SlateCall } from './slate.js';

/**
 * Candidate lists for every call of a slate, from the index's `topK` (the same lists as `rank`, bounded).
 * A ranking costs about the same whatever its length (reading postings and the call's CPV divisions is
 * the work; the top n is a small heap), so each call is ranked once, `depth` deep — enough for the list to double
 * three times (at national size about a quarter of the calls need their third doubling; one deeper
 * ranking costs a few per cent, a second ranking all of it) — and a call ranked again only when its list outgrows that. Rounds then cost solver time, not
 * index time.
 */
export class SlateCandidates {
  private readonly ranked: (readonly Ranked[])[];
  /** Each call analysed once, however often it is ranked again. */
  private readonly queries: WeightedQuery[] = [];
  /** Time spent ranking (analysis included), for the evidence. */
  rankMs = 0;

  constructor(
    private readonly index: Pick<MatchIndex, 'topK' | 'size'>,
    private readonly calls: readonly MatchCall[],
    /** Lists ranked already (the same `topK`, elsewhere), used as if ranked here. */
    ranked?: readonly (readonly Ranked[])[],
  ) {
    this.ranked = ranked ? [...ranked] : [];
  }

  /** Call i's best k and, as its outside bound, the score of its (k+1)-th (−1 when every company is in). */
  problem(i: number, k: number, partners: number, depth: number): SlateCall {
    const want = Math.min(k + 1, this.index.size);
    let ranked = this.ranked[i];
    if (!ranked || (ranked.length < want && ranked.length < this.index.size)) {
      const started = performance.now();
      ranked = this.ranked[i] = this.index.topK(
        this.calls[i]!,
        Math.min(Math.max(want, depth), this.index.size),
        (this.queries[i] ??= callQuery(this.calls[i]!)),
      );
      this.rankMs += performance.now() - started;
    }
    return { partners, candidates: ranked.slice(0, k), outsideBound: ranked[k]?.score ?? -1 };
  }
}
