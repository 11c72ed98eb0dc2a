/**
 * Ranking quality on the hand-labelled evaluation set (tests/fixtures/match-eval): mean nDCG@10 with
 * graded gains (2 = strong, 1 = plausible) and the log2 discount, the ideal ordering taken from the
 * labels; precision@5 with "relevant" = grade ≥ 1.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MatchIndex, type MatchProfile } from '../../shared/matching/match-index.js';
import type { MatchCall } from '../../shared/matching/score.js';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/match-eval/', import.meta.url));
const load = <T>(name: string): T => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as T;

export const NDCG_K = 10;
export const PRECISION_K = 5;

type Labels = Record<string, Record<string, number>>;

export interface CallQuality {
  id: string;
  title: string;
  ndcg: number;
  precision: number;
  labelled: number;
  top: { orgNumber: string; name: string; score: number; grade: number }[];
  missed: { orgNumber: string; name: string; grade: number; rank: number; score: number }[];
}

export interface QualityResults {
  calls: number;
  companies: number;
  judgements: number;
  meanNdcg10: number;
  meanPrecision5: number;
  perCall: CallQuality[];
}

/** DCG of the first k gains with the standard log2(rank + 1) discount. */
export function dcg(gains: readonly number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) s += gains[i]! / Math.log2(i + 2);
  return s;
}

export function ndcg(rankedGains: readonly number[], labelledGains: readonly number[], k: number): number {
  const ideal = dcg([...labelledGains].sort((a, b) => b - a), k);
  return ideal > 0 ? dcg(rankedGains, k) / ideal : 0;
}

export function evaluateQuality(): QualityResults {
  const raw = load<(Omit<MatchProfile, 'municipalityCode'> & { municipalityCode: string | null })[]>('companies.json');
  // `null` = based outside Østfold; the profile type says absent.
  const profiles: MatchProfile[] = raw.map(({ municipalityCode, ...p }) => (municipalityCode ? { ...p, municipalityCode } : p));
  const calls = load<MatchCall[]>('calls.json');
  const labels = load<Labels>('labels.json');
  const index = new MatchIndex(profiles);

  const perCall = calls.map((call): CallQuality => {
    const grades = labels[call.id] ?? {};
    const ranked = index.rank(call, index.size);
    const org = (i: number) => index.companies[i]!.orgNumber;
    const gains = ranked.map((r) => grades[org(r.company)] ?? 0);
    const top = ranked.slice(0, PRECISION_K).map((r) => ({
      orgNumber: org(r.company), name: index.companies[r.company]!.name, score: r.score, grade: grades[org(r.company)] ?? 0,
    }));
    const missed = ranked
      .map((r, rank) => ({ r, rank: rank + 1 }))
      .filter(({ r, rank }) => rank > NDCG_K && grades[org(r.company)])
      .map(({ r, rank }) => ({ orgNumber: org(r.company), name: index.companies[r.company]!.name, grade: grades[org(r.company)]!, rank, score: r.score }));
    return {
      id: call.id,
      title: call.title,
      ndcg: ndcg(gains, Object.values(grades), NDCG_K),
      precision: gains.slice(0, PRECISION_K).filter((g) => g >= 1).length / PRECISION_K,
      labelled: Object.keys(grades).length,
      top,
      missed,
    };
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    calls: calls.length,
    companies: profiles.length,
    judgements: Object.values(labels).reduce((s, g) => s + Object.keys(g).length, 0),
    meanNdcg10: mean(perCall.map((c) => c.ndcg)),
    meanPrecision5: mean(perCall.map((c) => c.precision)),
    perCall,
  };
}

export function qualityReport(q: QualityResults, worst = 5): string {
  const lines = [
    `${q.calls} calls × ${q.companies} companies, ${q.judgements} judgements.`,
    `mean nDCG@${NDCG_K} = ${q.meanNdcg10.toFixed(3)}   mean precision@${PRECISION_K} = ${q.meanPrecision5.toFixed(3)}`,
    '',
    `Worst ${worst} calls by nDCG@${NDCG_K} (top ${PRECISION_K} with grade g; labelled companies ranked below ${NDCG_K}):`,
  ];
  for (const c of [...q.perCall].sort((a, b) => a.ndcg - b.ndcg || a.id.localeCompare(b.id)).slice(0, worst)) {
    lines.push(`  ${c.id} "${c.title}": nDCG@${NDCG_K} ${c.ndcg.toFixed(3)}, P@${PRECISION_K} ${c.precision.toFixed(2)}, ${c.labelled} labelled`);
    c.top.forEach((t, i) => lines.push(`    ${i + 1}. ${t.score.toFixed(2).padStart(6)}  g${t.grade}  ${t.name} (${t.orgNumber})`));
    if (c.missed.length === 0) lines.push('    missed: none');
    for (const m of c.missed) lines.push(`    missed g${m.grade}: ${m.name} (${m.orgNumber}) at rank ${m.rank}, score ${m.score.toFixed(2)}`);
  }
  return lines.join('\n');
}
