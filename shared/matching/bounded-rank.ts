import { idf } from './bm25.js';
import { bestCpvEvidenceStrength } from './cpv-evidence.js';
import type { WeightedQuery } from './analyze.js';
import { resolvePreferences } from './preferences.js';
import { combineStrengths, localityFor, TEXT_HALF, WEIGHTS, type MatchCall, type MatchStats } from './score.js';
import { forwardIndex, NO_MUNI, type PackedMatchData } from './packed-index.js';
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

/** Unrounded points can exceed the rounded score by 0.005; floating-point error is ≈ 1e-14 at 100 points. */
const MARGIN = 0.0051;
// Module-local copies: an imported binding is read through a getter on every use in some loaders (tsx).
const { cpv: W_CPV, text: W_TEXT, locality: W_LOC, sme: W_SME } = WEIGHTS;
const HALF = TEXT_HALF;
const textPoints = (b: number) => (b > 0 ? W_TEXT * (b / (b + HALF)) : 0);
/** A BM25 upper bound made safe against the different summation order of a partial sum. */
const up = (b: number) => b * (1 + 1e-9) + 1e-12;
/** The BM25 below which text points stay under t: 68 × b / (b + 5) < t exactly when b < 5t / (68 − t). */
const textBelow = (t: number) => (!(t > 0) ? -1 : t >= W_TEXT ? Infinity : (HALF * t) / (W_TEXT - t));

/**
 * A call's top n, exactly as MatchIndex.rank ranks it, without reading every posting (MaxScore): query
 * terms go in order of their largest possible part (weight × idf × the term's largest BM25 factor).
 * Once a company sharing none of the terms read so far could not reach the current n-th score even
 * with every remaining term, full CPV and every tie-breaker point, no further company is admitted and
 * the remaining (common, long) postings are never read. Every admitted company (and every company in
 * the call's CPV divisions) whose partial BM25 plus the remaining terms' bound could still get in is
 * then scored exactly — its BM25 summed in the query's own order from the forward index, the same
 * floating-point number `accumulate` and `scorePair` give — and the rest skipped. Companies sharing
 * nothing score their baseline, as in `rank`.
 */
export class BoundedRanker {
  private readonly acc: Float64Array;
  /** Per company: 1 admitted by a term, 2 in a call division, 4 offered. */
  private readonly mark: Uint8Array;
  private readonly touched: Int32Array;
  private readonly cpvOf: Float64Array;
  private readonly byCode: Float64Array;
  private qpos?: Int32Array;
  private forward?: ReturnType<typeof forwardIndex>;
  private divisionCodes?: Map<string, number[]>;

  constructor(private readonly s: BoundedSource) {
    const n = s.data.orgNumbers.length;
    this.acc = new Float64Array(n);
    this.mark = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.cpvOf = new Float64Array(n);
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
    const { acc, mark, touched, cpvOf, byCode } = this;
    const f = (this.forward ??= forwardIndex(d));
    const qpos = (this.qpos ??= new Int32Array(d.terms.length).fill(-1));
    acc.fill(0);
    mark.fill(0);
    byCode.fill(-1);
    const prefs = resolvePreferences(call);
    const nm = d.munis.length;
    const loc = Float64Array.from(d.munis, (code) => localityFor(prefs, call.municipalityCode, code));
    const locOf = (i: number) => (d.muni[i] === NO_MUNI ? 0 : loc[d.muni[i]!]!);
    const smeOf = (i: number) => prefs.sme && d.sme[i] === 1;
    let maxBase = -Infinity;
    for (let m = 0; m <= nm; m++) for (let s = 0; s < 2; s++) maxBase = Math.max(maxBase, combineStrengths(0, 0, m < nm ? loc[m]! : 0, prefs.sme && s === 1));
    const extra = W_LOC * Math.max(0, ...loc) + (prefs.sme ? W_SME : 0);

    // Query terms known to the index, in the query's order, with their weight and largest part.
    const qt: number[] = [];
    const qw: number[] = [];
    const qub: number[] = [];
    for (const [term, weight] of query.weights) {
      const t = text.termId(term);
      if (t === undefined) continue;
      const w = weight * idf(text, term);
      qpos[t] = qt.length;
      qt.push(t);
      qw.push(w);
      qub.push(w * text.maxPart(t));
    }
    const m = qt.length;
    const order = Array.from(qt.keys()).sort((a, b) => qub[b]! - qub[a]!);
    const rest = new Float64Array(m + 1);
    for (let j = m - 1; j >= 0; j--) rest[j] = rest[j + 1]! + qub[order[j]!]!;

    const top = new TopK(n, orgRank);
    const qpart = new Float64Array(m);
    const qhas = new Uint8Array(m);
    const exactText = (i: number) => {
      for (let k = f.start[i]!; k < f.start[i + 1]!; k++) {
        const q = qpos[f.idx[k]!]!;
        if (q < 0) continue;
        qpart[q] = text.part(i, f.val[k]!);
        qhas[q] = 1;
      }
      let b = 0;
      for (let q = 0; q < m; q++) {
        if (!qhas[q]) continue;
        b += qw[q]! * qpart[q]!;
        qhas[q] = 0;
      }
      return b;
    };
    const cpvOfMember = (i: number) => {
      let best = 0;
      for (let c = d.codeStart[i]!; c < d.codeStart[i + 1]!; c++) {
        const s = byCode[d.codeIds[c]!]!;
        if (s > best) best = s;
      }
      return (cpvOf[i] = best);
    };
    const offer = (i: number) => {
      if (mark[i]! & 2) cpvOfMember(i);
      mark[i]! |= 4;
      top.offer(i, combineStrengths(mark[i]! & 2 ? cpvOf[i]! : 0, exactText(i), locOf(i), smeOf(i)));
    };

    // Companies in the call's CPV divisions are marked; their CPV evidence (per company code once per
    // call) is worked out only for those whose text could still carry them past the floor with the
    // best evidence any code of those divisions gives.
    const members: Int32Array[] = [];
    let cpvMax = 0;
    for (const division of new Set(call.cpvCodes.map((c) => c.slice(0, 2)))) {
      const list = this.s.byDivision.get(division);
      if (!list) continue;
      members.push(list);
      for (let k = 0; k < list.length; k++) mark[list[k]!]! |= 2;
      for (const id of this.codesOf(division)) {
        let s = byCode[id]!;
        if (s < 0) byCode[id] = s = bestCpvEvidenceStrength(call.cpvCodes, [d.codes[id]!], stats);
        if (s > cpvMax) cpvMax = s;
      }
    }
    // A few exact scores early give a floor to prune by: after the third term, the n companies with the
    // most BM25 so far, in the divisions and outside. Once: each pass scans every admitted company and
    // division member, and a second one cost more than it saved at national size.
    let count = 0;
    const seed = () => {
      // Offers below a heap's floor are dropped; the comparison is inlined here (most are below).
      const guess = new TopK(n, orgRank);
      for (let k = 0; k < count; k++) {
        const i = touched[k]!;
        if (acc[i]! >= guess.floor) guess.offer(i, acc[i]!);
      }
      const inDivision = new TopK(n, orgRank);
      for (const list of members) {
        for (let k = 0; k < list.length; k++) {
          const i = list[k]!;
          if (acc[i]! >= inDivision.floor) inDivision.offer(i, acc[i]!);
        }
      }
      for (const g of [...guess.sorted(), ...inDivision.sorted()]) if (!(mark[g.company]! & 4)) offer(g.company);
    };
    let j = 0;
    for (; j < m; j++) {
      if (textPoints(up(rest[j]!)) + extra + MARGIN < top.floor) break;
      count = text.addTerm(qt[order[j]!]!, qw[order[j]!]!, acc, mark, touched, count);
      if (j === Math.min(2, m - 1)) seed();
    }
    // The remaining (common) terms are added to everyone without admitting anyone: cheap, and it makes
    // each admitted company's BM25 full (up to summation order), so one comparison decides it.
    for (let r = j; r < m; r++) text.addAll(qt[order[r]!]!, qw[order[r]!]!, acc);
    // Outside the divisions: BM25 below `below` cannot reach the floor with every tie-breaker point.
    let floor = top.floor;
    let below = textBelow(floor - MARGIN - extra);
    for (let k = 0; k < count; k++) {
      const i = touched[k]!;
      if (mark[i]! & 6 || up(acc[i]!) < below) continue;
      offer(i);
      if (top.floor !== floor) below = textBelow((floor = top.floor) - MARGIN - extra);
    }
    // In the divisions: first against the best evidence any of their codes gives (one comparison), then
    // against the company's own.
    floor = top.floor;
    below = textBelow(floor - MARGIN - extra - W_CPV * cpvMax);
    for (const list of members) {
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        if (mark[i]! & 4 || up(acc[i]!) < below) continue;
        if (W_CPV * cpvOfMember(i) + textPoints(up(acc[i]!)) + extra + MARGIN >= top.floor) offer(i);
        if (top.floor !== floor) below = textBelow((floor = top.floor) - MARGIN - extra - W_CPV * cpvMax);
      }
    }
    // Everyone else shares no term read and no division: below the floor unless the baseline reaches it,
    // and then (the admission stopped only below the floor) they share no term at all and score the baseline.
    if (maxBase >= top.floor) {
      for (let i = 0; i < size; i++) if (!mark[i]) top.offer(i, combineStrengths(0, 0, locOf(i), smeOf(i)));
    }
    for (const t of qt) qpos[t] = -1;
    return top.sorted();
  }
}
