import { idf } from './bm25.js';
import { bestCpvEvidenceStrength } from './cpv-evidence.js';
import type { WeightedQuery } from './analyze.js';
import { resolvePreferences } from './preferences.js';
import { combineStrengths, localityFor, TEXT_HALF, WEIGHTS, type MatchCall, type MatchStats } from './score.js';
import { NO_MUNI, type PackedMatchData } from './packed-index.js';
import type { PackedText } from './packed-text.js';
import { TopK } from './top-k.js';

/** What bounded ranking reads of an index (MatchIndex hands over its arrays; no import back). */
export interface BoundedSource {
  data: PackedMatchData;
  text: PackedText;
  stats: MatchStats;
  orgRank: Int32Array;
  byDivision: ReadonlyMap<string, Int32Array>;
}

/** Unrounded points can exceed the rounded score by 0.005; 1e-4 more covers floating-point error at 100 points. */
const MARGIN = 0.0051;
// Module-local copies: an imported binding is read through a getter on every use in some loaders (tsx).
const { cpv: W_CPV, text: W_TEXT, locality: W_LOC, sme: W_SME } = WEIGHTS;
const HALF = TEXT_HALF;
const textPoints = (b: number) => (b > 0 ? W_TEXT * (b / (b + HALF)) : 0);
/** The BM25 below which text points stay under t: 68 × b / (b + 5) < t exactly when b < 5t / (68 − t). */
const textBelow = (t: number) => (!(t > 0) ? -1 : t >= W_TEXT ? Infinity : (HALF * t) / (W_TEXT - t));

/**
 * A call's top n, exactly as MatchIndex.rank ranks it, with one comparison for nearly every company.
 * Every query term's postings are added into one array in the query's order, as `accumulate` does, so it
 * holds each company's BM25 to the last bit. The companies are then read once, in index order: one whose
 * BM25, plus full CPV evidence if it is in the call's divisions and every tie-breaker point, cannot reach
 * the current n-th score is skipped; the rest are scored and offered. Index order is unrelated to any
 * call, so the n-th score climbs fast and only a few hundred companies are scored. What `rank` spends on
 * remembering who was touched (a branch per posting) and scoring everyone who could be is saved.
 */
export class BoundedRanker {
  private readonly acc: Float64Array;
  /** Per company: 1 when in one of the call's CPV divisions (cleared after each call). */
  private readonly member: Uint8Array;
  private readonly byCode: Float64Array;
  private divisionCodes?: Map<string, number[]>;

  constructor(private readonly s: BoundedSource) {
    const n = s.data.orgNumbers.length;
    this.acc = new Float64Array(n);
    this.member = new Uint8Array(n);
    this.byCode = new Float64Array(s.data.codes.length);
  }

  /** The ids of the CPV codes (of any company) in a division. */
  private codesOf(division: string): readonly number[] {
    if (!this.divisionCodes) {
      this.divisionCodes = new Map();
      this.s.data.codes.forEach((code, id) => {
        const key = code.slice(0, 2);
        const list = this.divisionCodes!.get(key);
        if (list) list.push(id);
        else this.divisionCodes!.set(key, [id]);
      });
    }
    return this.divisionCodes.get(division) ?? [];
  }

  rank(call: MatchCall, n: number, query: WeightedQuery): { company: number; score: number }[] {
    const { data: d, text, stats, orgRank } = this.s;
    const size = d.orgNumbers.length;
    n = Math.min(n, size);
    if (n <= 0) return [];
    const { acc, member, byCode } = this;
    acc.fill(0);
    byCode.fill(-1);
    for (const [term, weight] of query.weights) {
      const t = text.termId(term);
      if (t !== undefined) text.addAll(t, weight * idf(text, term), acc);
    }
    const prefs = resolvePreferences(call);
    const loc = Float64Array.from(d.munis, (code) => localityFor(prefs, call.municipalityCode, code));
    const extra = W_LOC * Math.max(0, ...loc) + (prefs.sme ? W_SME : 0);

    // CPV evidence per company code, worked out once per call.
    const evidence = (id: number) => {
      let s = byCode[id]!;
      if (s < 0) byCode[id] = s = bestCpvEvidenceStrength(call.cpvCodes, [d.codes[id]!], stats);
      return s;
    };
    const cpvOfMember = (i: number) => {
      let best = 0;
      for (let c = d.codeStart[i]!; c < d.codeStart[i + 1]!; c++) best = Math.max(best, evidence(d.codeIds[c]!));
      return best;
    };
    // Companies in the call's CPV divisions are marked; the best evidence any code there gives bounds theirs.
    const members: Int32Array[] = [];
    let cpvMax = 0;
    for (const division of new Set(call.cpvCodes.map((c) => c.slice(0, 2)))) {
      const list = this.s.byDivision.get(division);
      if (!list) continue;
      members.push(list);
      for (let k = 0; k < list.length; k++) member[list[k]!] = 1;
      for (const id of this.codesOf(division)) cpvMax = Math.max(cpvMax, evidence(id));
    }

    // The BM25 below which a company cannot reach the floor, [outside the divisions, in them]: never more in
    // them (CPV can only add), so most companies are skipped on the lower one without reading their flag.
    const top = new TopK(n, orgRank);
    const cpvPoints = W_CPV * cpvMax;
    let floor = top.floor;
    const below = Float64Array.of(textBelow(floor - MARGIN - extra), textBelow(floor - MARGIN - extra - cpvPoints));
    for (let i = nextAbove(acc, member, below, 0, size); i < size; i = nextAbove(acc, member, below, i + 1, size)) {
      const bm25 = acc[i]!;
      const inDivision = member[i]!;
      const cpv = inDivision ? cpvOfMember(i) : 0;
      if (W_CPV * cpv + textPoints(bm25) + extra + MARGIN < floor) continue;
      const m = d.muni[i]!;
      top.offer(i, combineStrengths(cpv, bm25, m === NO_MUNI ? 0 : loc[m]!, prefs.sme && d.sme[i] === 1));
      if (top.floor !== floor) {
        floor = top.floor;
        below[0] = textBelow(floor - MARGIN - extra);
        below[1] = textBelow(floor - MARGIN - extra - cpvPoints);
      }
    }
    for (const list of members) for (let k = 0; k < list.length; k++) member[list[k]!] = 0;
    return top.sorted();
  }
}

/**
 * The first company from `i` on whose BM25 reaches the threshold for its place (`below[0]` outside the
 * call's divisions, `below[1]` ≤ `below[0]` in them), or `size`. Its own small function, so the loop every
 * company goes through stays a few instructions in registers (10 % faster at national size than inline).
 */
function nextAbove(acc: Float64Array, member: Uint8Array, below: Float64Array, i: number, size: number): number {
  const inside = below[1]!;
  const outside = below[0]!;
  for (; i < size; i++) {
    const b = acc[i]!;
    if (b >= inside && (b >= outside || member[i] === 1)) return i;
  }
  return size;
}
