import { TextIndex } from './bm25.js';
import { bestCpvEvidenceStrength, cpvNodes } from './cpv-evidence.js';
import { callQuery } from './analyze.js';
import { resolvePreferences, type MatchPreferences } from './preferences.js';
import {
  combineStrengths, companyDocumentTerms, localityFor, scorePair,
  type MatchCall, type MatchCompany, type MatchStats, type PairScore,
} from './score.js';

/** A company profile as matching reads it (from the profile API's shape). */
export interface MatchProfile {
  orgNumber: string;
  name: string;
  description?: string;
  capabilities?: readonly string[];
  cpvCodes: readonly string[];
  municipalityCode?: string;
  sme?: boolean;
  capacity?: number;
}

export interface Ranked {
  company: number;
  score: number;
}

/** A profile as scoring reads it: tokenised once, defaults applied. */
export function matchCompany(p: MatchProfile, terms = companyDocumentTerms(p)): MatchCompany {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return {
    orgNumber: p.orgNumber, name: p.name, cpvCodes: p.cpvCodes, municipalityCode: p.municipalityCode,
    sme: p.sme ?? true, capacity: p.capacity ?? 2, tf, length: terms.length,
  };
}

/** Keeps the n best (score, then organisation number) without sorting everything. */
class TopN {
  readonly items: Ranked[] = [];
  constructor(private readonly n: number, private readonly org: (i: number) => string) {}
  private better(a: Ranked, b: Ranked): boolean {
    return a.score > b.score || (a.score === b.score && this.org(a.company) < this.org(b.company));
  }
  /** The score a newcomer must beat (or tie with a smaller organisation number) to get in. */
  get floor(): number {
    return this.items.length < this.n ? -Infinity : this.items[this.items.length - 1]!.score;
  }
  offer(company: number, score: number): void {
    if (score < this.floor) return;
    const entry = { company, score };
    if (this.items.length === this.n && !this.better(entry, this.items[this.items.length - 1]!)) return;
    let i = this.items.length;
    while (i > 0 && this.better(entry, this.items[i - 1]!)) i--;
    this.items.splice(i, 0, entry);
    if (this.items.length > this.n) this.items.pop();
  }
}

/**
 * Every company profile, indexed for ranking against any call: an inverted index for text, companies
 * by CPV division, and per municipality the order of what is left when a company shares nothing with a
 * call (locality and SME). A call's top n is exact: every company that shares a CPV division or a term
 * is scored; every other company's score is its baseline, read from the pre-sorted order.
 */
export class MatchIndex {
  readonly companies: MatchCompany[];
  readonly text: TextIndex;
  /** Text statistics and CPV rarity over these companies: what `scorePair` scores against. */
  readonly stats: MatchStats;
  private readonly cpvDf = new Map<string, number>();
  private readonly byOrg = new Map<string, number>();
  private readonly byDivision = new Map<string, number[]>();
  private readonly baselineOrder = new Map<string, Int32Array>();
  private readonly bm25: Float64Array;
  /** Distinct CPV codes, and each company's codes as ids into them (company i: codeIds[codeStart[i] .. codeStart[i+1])). */
  private readonly codes: string[] = [];
  private readonly codeIds: Int32Array;
  private readonly codeStart: Int32Array;
  private readonly seen: Uint8Array;

  /** `terms`: each profile's analysed document terms when already known (a snapshot stores them), else analysed here. */
  constructor(profiles: readonly MatchProfile[], terms?: readonly (readonly string[])[]) {
    const docs: (readonly string[])[] = [];
    this.companies = profiles.map((p, i) => {
      const own = (terms?.[i] ?? companyDocumentTerms(p)) as string[];
      docs.push(own);
      this.byOrg.set(p.orgNumber, i);
      for (const node of cpvNodes(p.cpvCodes)) this.cpvDf.set(node, (this.cpvDf.get(node) ?? 0) + 1);
      for (const division of new Set(p.cpvCodes.map((c) => c.slice(0, 2)))) {
        let list = this.byDivision.get(division);
        if (!list) this.byDivision.set(division, (list = []));
        list.push(i);
      }
      return matchCompany(p, own);
    });
    const codeId = new Map<string, number>();
    const ids: number[] = [];
    this.codeStart = new Int32Array(this.companies.length + 1);
    this.companies.forEach((c, i) => {
      this.codeStart[i] = ids.length;
      for (const code of c.cpvCodes) {
        let id = codeId.get(code);
        if (id === undefined) codeId.set(code, (id = this.codes.push(code) - 1));
        ids.push(id);
      }
    });
    this.codeStart[this.companies.length] = ids.length;
    this.codeIds = Int32Array.from(ids);
    this.text = new TextIndex(docs);
    const text = this.text;
    const cpvDf = this.cpvDf;
    this.stats = {
      get docCount() { return text.docCount; },
      get avgLength() { return text.avgLength; },
      df: (term: string) => text.df(term),
      cpvDf: (node: string) => cpvDf.get(node) ?? 0,
    };
    this.bm25 = new Float64Array(this.companies.length);
    this.seen = new Uint8Array(this.companies.length);
  }

  get size(): number {
    return this.companies.length;
  }

  indexOf(orgNumber: string): number | undefined {
    return this.byOrg.get(orgNumber);
  }

  /** The n best companies for a call, best first, ties broken by organisation number. */
  rank(call: MatchCall, n: number): Ranked[] {
    if (n <= 0) return [];
    const top = new TopN(n, (i) => this.companies[i]!.orgNumber);
    const prefs = resolvePreferences(call);
    const localityOf = new Map<string | undefined, number>();
    const loc = (code: string | undefined) => {
      let s = localityOf.get(code);
      if (s === undefined) localityOf.set(code, (s = localityFor(prefs, call.municipalityCode, code)));
      return s;
    };
    const touched: number[] = [];
    try {
      return this.rankInto(call, n, prefs, top, loc, touched);
    } finally {
      // Leave the shared buffers clean for the next call, whatever happened.
      for (const i of touched) this.bm25[i] = 0;
      this.seen.fill(0);
    }
  }

  private rankInto(call: MatchCall, n: number, prefs: MatchPreferences, top: TopN, loc: (code: string | undefined) => number, touched: number[]): Ranked[] {
    this.text.scoreWeightedInto(callQuery(call).weights, this.bm25, touched);
    // CPV evidence per company code, once per call: the best pair over a company's codes is the best of
    // its codes' own bests, so this equals bestCpvEvidenceStrength(call.cpvCodes, c.cpvCodes) exactly.
    const byCode = new Float64Array(this.codes.length).fill(-1);
    const cpv = (i: number) => {
      let best = 0;
      for (let k = this.codeStart[i]!; k < this.codeStart[i + 1]!; k++) {
        const id = this.codeIds[k]!;
        let s = byCode[id]!;
        if (s < 0) byCode[id] = s = call.cpvCodes.length ? bestCpvEvidenceStrength(call.cpvCodes, [this.codes[id]!], this.stats) : 0;
        if (s > best) best = s;
      }
      return best;
    };
    const score = (i: number) => {
      const c = this.companies[i]!;
      this.seen[i] = 1;
      top.offer(i, combineStrengths(cpv(i), this.bm25[i]!, loc(c.municipalityCode), prefs.sme && c.sme));
    };
    for (const i of touched) score(i);
    for (const division of new Set(call.cpvCodes.map((c) => c.slice(0, 2)))) {
      for (const i of this.byDivision.get(division) ?? []) if (!this.seen[i]) score(i);
    }
    // Everyone else scores exactly their baseline; the first n unseen in baseline order are all we can need.
    let taken = 0;
    for (const i of this.baselineFor(call.municipalityCode, prefs)) {
      if (taken >= n) break;
      if (this.seen[i]) continue;
      const c = this.companies[i]!;
      top.offer(i, combineStrengths(0, 0, loc(c.municipalityCode), prefs.sme && c.sme));
      taken++;
    }
    return top.items;
  }

  explain(call: MatchCall, company: number): PairScore {
    return scorePair(call, this.companies[company]!, this.stats);
  }

  /** Companies in order of the score they get with no CPV evidence and no shared term (per place and preferences). */
  private baselineFor(municipalityCode: string, prefs: MatchPreferences): Int32Array {
    const key = `${municipalityCode}|${prefs.locality ? 1 : 0}${prefs.sme ? 1 : 0}`;
    let order = this.baselineOrder.get(key);
    if (!order) {
      const scores = this.companies.map((c) => combineStrengths(0, 0, localityFor(prefs, municipalityCode, c.municipalityCode), prefs.sme && c.sme));
      order = Int32Array.from(this.companies.keys()).sort(
        (a, b) => scores[b]! - scores[a]! || (this.companies[a]!.orgNumber < this.companies[b]!.orgNumber ? -1 : 1),
      );
      this.baselineOrder.set(key, order);
    }
    return order;
  }
}
