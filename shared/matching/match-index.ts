import { bestCpvEvidenceStrength } from './cpv-evidence.js';
import { callQuery, type WeightedQuery } from './analyze.js';
import { resolvePreferences } from './preferences.js';
import {
  combineStrengths,
  companyDocumentTerms,
  localityFor,
  scorePair,
  TEXT_HALF,
  WEIGHTS,
  type MatchCall,
  type MatchCompany,
  type MatchStats,
  type PairScore,
} from './score.js';
import { forwardIndex, NO_MUNI, packProfiles, type PackedMatchData } from './packed-index.js';
import { PackedText } from './packed-text.js';
import { TopK } from './top-k.js';
import { BoundedRanker } from './bounded-rank.js';
import type { MatchProfile } from './match-profile.js';

export type { MatchProfile } from './match-profile.js';

export interface Ranked {
  company: number;
  score: number;
}

/** A profile as scoring reads it: tokenised once, defaults applied. */
export function matchCompany(p: MatchProfile, terms = companyDocumentTerms(p)): MatchCompany {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return {
    orgNumber: p.orgNumber,
    name: p.name,
    cpvCodes: p.cpvCodes,
    municipalityCode: p.municipalityCode,
    sme: p.sme ?? true,
    capacity: p.capacity ?? 2,
    tf,
    length: terms.length,
  };
}

/**
 * Every company profile, indexed for ranking against any call, over the packed arrays of
 * packed-index.ts (no object per company): BM25 postings, CPV codes, companies by CPV division. A call's
 * top n is exact: every company that shares a CPV division or a term is scored in full; every other
 * company scores exactly its baseline (locality and SME, when the call turns them on), read from a table
 * per (municipality, SME). The per-call work happens in buffers allocated once per index.
 */
export class MatchIndex {
  readonly data: PackedMatchData;
  readonly text: PackedText;
  /** Text statistics and CPV rarity over these companies: what `scorePair` scores against. */
  readonly stats: MatchStats;
  /** Position of each company in organisation-number order: the tie-break. */
  readonly orgRank: Int32Array;
  /** Companies per CPV division (two digits). */
  readonly byDivision = new Map<string, Int32Array>();
  private readonly bm25: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  private readonly byCode: Float64Array;
  private byOrg?: Map<string, number>;
  private forward?: ReturnType<typeof forwardIndex>;
  private views?: MatchCompany[];
  private bounded?: BoundedRanker;

  /** `profiles` (with their analysed `terms` when already known), or an index already packed (a snapshot). */
  constructor(source: readonly MatchProfile[] | PackedMatchData, terms?: readonly (readonly string[])[]) {
    this.data = Array.isArray(source)
      ? packProfiles(source.map((profile: MatchProfile, i) => ({ profile, terms: terms?.[i] ?? companyDocumentTerms(profile) })))
      : (source as PackedMatchData);
    const d = this.data;
    const n = d.orgNumbers.length;
    this.text = new PackedText(d);
    const text = this.text;
    const cpvDf = new Map<string, number>();
    d.cpvNodes.forEach((node, k) => cpvDf.set(node, d.cpvNodeDf[k]!));
    this.stats = {
      get docCount() {
        return text.docCount;
      },
      get avgLength() {
        return text.avgLength;
      },
      df: (term: string) => text.df(term),
      cpvDf: (node: string) => cpvDf.get(node) ?? 0,
    };
    this.orgRank = orgRanks(d.orgNumbers);
    this.indexDivisions();
    this.bm25 = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.byCode = new Float64Array(d.codes.length);
  }

  /** Companies per CPV division (two digits), each once, in index order. */
  private indexDivisions(): void {
    const d = this.data;
    const divisionOf = new Map<string, number>();
    const codeDivision = Int32Array.from(d.codes, (c) => {
      const key = c.slice(0, 2);
      let id = divisionOf.get(key);
      if (id === undefined) divisionOf.set(key, (id = divisionOf.size));
      return id;
    });
    const members: number[][] = [...divisionOf.keys()].map(() => []);
    for (let i = 0; i < d.orgNumbers.length; i++) {
      for (let k = d.codeStart[i]!; k < d.codeStart[i + 1]!; k++) {
        const list = members[codeDivision[d.codeIds[k]!]!]!;
        if (list[list.length - 1] !== i) list.push(i);
      }
    }
    for (const [key, id] of divisionOf) this.byDivision.set(key, Int32Array.from(members[id]!));
  }

  get size(): number {
    return this.data.orgNumbers.length;
  }

  indexOf(orgNumber: string): number | undefined {
    this.byOrg ??= new Map(this.data.orgNumbers.map((o, i) => [o, i]));
    return this.byOrg.get(orgNumber);
  }

  orgNumber(i: number): string {
    return this.data.orgNumbers[i]!;
  }

  capacityOf(i: number): number {
    return this.data.capacity[i]!;
  }

  /** Company i without its text: what a partner list shows. */
  info(i: number): Omit<MatchCompany, 'tf' | 'length'> {
    const d = this.data;
    const m = d.muni[i]!;
    return {
      orgNumber: d.orgNumbers[i]!,
      name: d.names[i]!,
      cpvCodes: Array.from(d.codeIds.subarray(d.codeStart[i]!, d.codeStart[i + 1]!), (c) => d.codes[c]!),
      municipalityCode: m === NO_MUNI ? undefined : d.munis[m],
      sme: d.sme[i] === 1,
      capacity: d.capacity[i]!,
    };
  }

  /** Company i with every term frequency (from the forward index, inverted once on first use). */
  company(i: number): MatchCompany {
    const f = (this.forward ??= forwardIndex(this.data));
    const tf = new Map<string, number>();
    for (let k = f.start[i]!; k < f.start[i + 1]!; k++) tf.set(this.data.terms[f.idx[k]!]!, f.val[k]!);
    return { ...this.info(i), tf, length: this.data.lengths[i]! };
  }

  /**
   * Every company as `scorePair` reads it (tests, the evaluation bench): small views that read the arrays
   * when asked, the term frequencies only when `tf` is read. Ranking and explaining never need them.
   */
  get companies(): readonly MatchCompany[] {
    return (this.views ??= Array.from({ length: this.size }, (_, i) => new CompanyView(this, i)));
  }

  /** The n best companies for a call, best first, ties broken by organisation number. */
  rank(call: MatchCall, n: number, query: WeightedQuery = callQuery(call)): Ranked[] {
    n = Math.min(n, this.size);
    if (n <= 0) return [];
    const d = this.data;
    const { bm25, seen, touched, byCode } = this;
    bm25.fill(0);
    seen.fill(0);
    byCode.fill(-1);
    const prefs = resolvePreferences(call);
    const top = new TopK(n, this.orgRank);
    // Locality per municipality of the index, and the baseline (no CPV, no shared term) per (municipality, SME).
    const loc = Float64Array.from(d.munis, (code) => localityFor(prefs, call.municipalityCode, code));
    const base = new Float64Array(2 * d.munis.length + 2);
    for (let m = 0; m <= d.munis.length; m++) {
      for (let s = 0; s < 2; s++) base[2 * m + s] = combineStrengths(0, 0, m < d.munis.length ? loc[m]! : 0, prefs.sme && s === 1);
    }
    const slot = (i: number) => (d.muni[i] === NO_MUNI ? d.munis.length : d.muni[i]!);
    // CPV evidence per company code, once per call: the best pair over a company's codes is the best of
    // its codes' own bests, so this equals bestCpvEvidenceStrength(call.cpvCodes, company codes) exactly.
    const cpv = (i: number) => {
      if (!call.cpvCodes.length) return 0;
      let best = 0;
      for (let k = d.codeStart[i]!; k < d.codeStart[i + 1]!; k++) {
        const id = d.codeIds[k]!;
        let s = byCode[id]!;
        if (s < 0) byCode[id] = s = bestCpvEvidenceStrength(call.cpvCodes, [d.codes[id]!], this.stats);
        if (s > best) best = s;
      }
      return best;
    };
    const score = (i: number, withCpv: boolean) => {
      const m = slot(i);
      top.offer(i, combineStrengths(withCpv ? cpv(i) : 0, bm25[i]!, m < d.munis.length ? loc[m]! : 0, prefs.sme && d.sme[i] === 1));
    };
    const count = this.text.accumulate(query.weights, bm25, seen, touched);
    // Companies in the call's CPV divisions first (the only ones with CPV evidence), marked 2.
    for (const division of new Set(call.cpvCodes.map((c) => c.slice(0, 2)))) {
      const members = this.byDivision.get(division);
      if (!members) continue;
      for (let k = 0; k < members.length; k++) {
        const i = members[k]!;
        if (seen[i] === 2) continue;
        seen[i] = 2;
        score(i, true);
      }
    }
    // Then the rest of those sharing a term: text and the tie-breakers only. One whose BM25 is too low to
    // reach the current floor even with every tie-breaker point is skipped (textFloor: exact, see there).
    const extra = WEIGHTS.locality * Math.max(0, ...loc) + (prefs.sme ? WEIGHTS.sme : 0);
    let floor = top.floor;
    let below = textFloor(floor, extra);
    for (let k = 0; k < count; k++) {
      const i = touched[k]!;
      if (seen[i] === 2 || bm25[i]! < below) continue;
      score(i, false);
      if (top.floor !== floor) below = textFloor((floor = top.floor), extra);
    }
    // Everyone else scores exactly their baseline.
    if (Math.max(...base) >= top.floor) {
      for (let i = 0; i < seen.length; i++) {
        if (seen[i]) continue;
        const s = base[2 * slot(i) + d.sme[i]!]!;
        if (s >= top.floor) top.offer(i, s);
      }
    }
    return top.sorted();
  }

  /**
   * The same list as `rank` (same companies, scores and order), reading only the postings that can still
   * change it (bounded-rank.ts): for ranking many calls at once, as the slate does. Its buffers are
   * separate from `rank`'s.
   */
  topK(call: MatchCall, n: number, query: WeightedQuery = callQuery(call)): Ranked[] {
    return (this.bounded ??= new BoundedRanker(this)).rank(call, n, query);
  }

  /** The score of one pair with its reasons; term frequencies are read for the call's terms only. */
  explain(call: MatchCall, company: number, query: WeightedQuery = callQuery(call)): PairScore {
    const tf = new Map<string, number>();
    for (const term of query.weights.keys()) {
      const f = this.text.tf(company, term);
      if (f) tf.set(term, f);
    }
    return scorePair(call, { ...this.info(company), tf, length: this.data.lengths[company]! }, this.stats, query);
  }
}

/** Company i of an index, read on demand. */
class CompanyView implements MatchCompany {
  constructor(
    private readonly index: MatchIndex,
    private readonly i: number,
  ) {}
  get orgNumber() {
    return this.index.data.orgNumbers[this.i]!;
  }
  get name() {
    return this.index.data.names[this.i]!;
  }
  get cpvCodes() {
    return this.index.info(this.i).cpvCodes;
  }
  get municipalityCode() {
    return this.index.info(this.i).municipalityCode;
  }
  get sme() {
    return this.index.data.sme[this.i] === 1;
  }
  get capacity() {
    return this.index.data.capacity[this.i]!;
  }
  get length() {
    return this.index.data.lengths[this.i]!;
  }
  get tf() {
    return this.index.company(this.i).tf;
  }
}

/**
 * The BM25 below which a company without CPV evidence cannot reach `floor`, whatever its tie-breakers
 * (`extra` points at most). Its unrounded points are then below floor − 0.0051, so its score (rounded to
 * hundredths) is below the floor: the margin is far above floating-point error (≈ 1e-14 at 100 points).
 * Text points 68 × b / (b + 5) < T exactly when b < 5T / (68 − T).
 */
function textFloor(floor: number, extra: number): number {
  const t = floor - 0.0051 - extra;
  if (!(t > 0)) return -1;
  return t >= WEIGHTS.text ? Infinity : (TEXT_HALF * t) / (WEIGHTS.text - t);
}

/** Each company's position in organisation-number order (string order, as the tie-break always was). */
function orgRanks(orgs: readonly string[]): Int32Array {
  const rank = new Int32Array(orgs.length);
  let sorted = true;
  for (let i = 1; i < orgs.length && sorted; i++) sorted = orgs[i - 1]! < orgs[i]!;
  if (sorted) {
    for (let i = 0; i < orgs.length; i++) rank[i] = i;
    return rank;
  }
  const order = Array.from(orgs.keys()).sort((a, b) => (orgs[a]! < orgs[b]! ? -1 : orgs[a]! > orgs[b]! ? 1 : a - b));
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}
