/**
 * The baseline the index is measured against: all-pairs scoring written plainly. Every company's
 * document is tokenised once beforehand into a term-frequency Map; each call is then scored against
 * every company with weighted BM25 (the same k1, b, IDF and query weights as shared/matching/bm25.ts),
 * keeping the top n. The full score adds CPV evidence with its own plain count of code rarity.
 */
import { B, K1, termFrequencies } from '../../shared/matching/bm25.js';
import { bestCpvEvidenceStrength, cpvNodes, type CpvStats } from '../../shared/matching/cpv-evidence.js';
import { resolvePreferences } from '../../shared/matching/preferences.js';
import { combineStrengths, localityFor, type MatchCall } from '../../shared/matching/score.js';

export interface NaiveDoc {
  orgNumber: string;
  tf: Map<string, number>;
  length: number;
  cpvCodes: readonly string[];
  municipalityCode?: string;
  sme: boolean;
}

export interface NaiveCorpus {
  docs: NaiveDoc[];
  docCount: number;
  avgLength: number;
  df: Map<string, number>;
  cpv: CpvStats;
}

export function naiveCorpus(docs: { orgNumber: string; terms: string[]; cpvCodes: readonly string[]; municipalityCode?: string; sme: boolean }[]): NaiveCorpus {
  const out: NaiveDoc[] = [];
  const df = new Map<string, number>();
  const cpvDf = new Map<string, number>();
  let total = 0;
  for (const d of docs) {
    const tf = termFrequencies(d.terms);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    for (const node of cpvNodes(d.cpvCodes)) cpvDf.set(node, (cpvDf.get(node) ?? 0) + 1);
    total += d.terms.length;
    out.push({ orgNumber: d.orgNumber, tf, length: d.terms.length, cpvCodes: d.cpvCodes, municipalityCode: d.municipalityCode, sme: d.sme });
  }
  return {
    docs: out,
    docCount: docs.length,
    avgLength: docs.length ? total / docs.length : 0,
    df,
    cpv: { docCount: docs.length, cpvDf: (n) => cpvDf.get(n) ?? 0 },
  };
}

export interface Hit {
  company: number;
  score: number;
}

/** Insert into a best-first list of at most n (score desc, then organisation number asc). */
function keep(top: Hit[], n: number, hit: Hit, org: (i: number) => string): void {
  const better = (a: Hit, b: Hit) => a.score > b.score || (a.score === b.score && org(a.company) < org(b.company));
  if (top.length === n && !better(hit, top[n - 1]!)) return;
  let i = top.length;
  top.push(hit);
  while (i > 0 && better(hit, top[i - 1]!)) {
    top[i] = top[i - 1]!;
    i--;
  }
  top[i] = hit;
  if (top.length > n) top.pop();
}

function bm25(corpus: NaiveCorpus, terms: readonly string[], idfs: readonly number[], doc: NaiveDoc): number {
  let score = 0;
  const norm = K1 * (1 - B + (B * doc.length) / (corpus.avgLength || 1));
  for (let t = 0; t < terms.length; t++) {
    const f = doc.tf.get(terms[t]!);
    if (!f) continue;
    score += idfs[t]! * ((f * (K1 + 1)) / (f + norm));
  }
  return score;
}

/** Query weight × IDF per distinct term, in the query's order (as the index adds them). */
function queryWeights(corpus: NaiveCorpus, query: ReadonlyMap<string, number>): { terms: string[]; idfs: number[] } {
  const terms = [...query.keys()];
  const idfs = terms.map((t) => {
    const n = corpus.df.get(t) ?? 0;
    return query.get(t)! * Math.log(1 + (corpus.docCount - n + 0.5) / (n + 0.5));
  });
  return { terms, idfs };
}

/** Top n companies by weighted BM25 alone, for one analysed call. */
export function naiveBm25TopN(corpus: NaiveCorpus, queryTerms: ReadonlyMap<string, number>, n: number): Hit[] {
  const { terms, idfs } = queryWeights(corpus, queryTerms);
  const top: Hit[] = [];
  const org = (i: number) => corpus.docs[i]!.orgNumber;
  for (let d = 0; d < corpus.docs.length; d++) keep(top, n, { company: d, score: bm25(corpus, terms, idfs, corpus.docs[d]!) }, org);
  return top;
}

/** Top n by the full score (CPV + BM25 + locality + SME, as combineStrengths): must equal MatchIndex.rank. */
export function naiveFullTopN(corpus: NaiveCorpus, call: MatchCall, queryTerms: ReadonlyMap<string, number>, n: number): Hit[] {
  const { terms, idfs } = queryWeights(corpus, queryTerms);
  const prefs = resolvePreferences(call);
  const top: Hit[] = [];
  const org = (i: number) => corpus.docs[i]!.orgNumber;
  for (let d = 0; d < corpus.docs.length; d++) {
    const doc = corpus.docs[d]!;
    const score = combineStrengths(
      bestCpvEvidenceStrength(call.cpvCodes, doc.cpvCodes, corpus.cpv),
      bm25(corpus, terms, idfs, doc),
      localityFor(prefs, call.municipalityCode, doc.municipalityCode),
      prefs.sme && doc.sme,
    );
    keep(top, n, { company: d, score }, org);
  }
  return top;
}
