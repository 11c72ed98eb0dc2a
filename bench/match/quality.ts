/**
 * Ranking quality on a labelled evaluation set (see eval-set.ts for the format): mean nDCG@10 with the
 * grades as gains (0–2 or 0–3) and the log2 discount, the ideal ordering taken from the labels;
 * precision@5 with "relevant" = grade ≥ 1 (and, for 0–3 sets, also grade ≥ 2).
 *
 * Variants for the ablation: the production ranking (MatchIndex.rank, locality and SME as the call's
 * preferences decide: off for these sets, which carry no procedure), the same with both preferences
 * turned on, and each evidence signal alone (CPV only, text only), ranked by that signal's points.
 */
import { MatchIndex } from '../../shared/matching/match-index.js';
import { callQuery } from '../../shared/matching/analyze.js';
import { bestCpvEvidenceStrength } from '../../shared/matching/cpv-evidence.js';
import { combineStrengths, type MatchCall } from '../../shared/matching/score.js';
import type { EvalSet } from './eval-set.js';

export const NDCG_K = 10;
export const PRECISION_K = 5;

export const VARIANTS = ['combined', 'combined, locality + SME on', 'text only', 'CPV only'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface CallQuality {
  id: string;
  title: string;
  ndcg: number;
  precision: number;
  /** precision@5 with relevant = grade ≥ 2 (0–3 sets only). */
  precisionGood?: number;
  relevant: number;
  top: { orgNumber: string; name: string; score: number; grade: number }[];
  missed: { orgNumber: string; name: string; grade: number; rank: number; score: number }[];
}

export interface QualityResults {
  set: string;
  variant: Variant;
  companiesFrom: string;
  calls: number;
  companies: number;
  judgements: number;
  meanNdcg10: number;
  meanPrecision5: number;
  meanPrecisionGood5?: number;
  minNdcg10: number;
  perCall: CallQuality[];
}

/** DCG of the first k gains with the standard log2(rank + 1) discount. */
export function dcg(gains: readonly number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) s += gains[i]! / Math.log2(i + 2);
  return s;
}

export function ndcg(rankedGains: readonly number[], labelledGains: readonly number[], k: number): number {
  const ideal = dcg(
    [...labelledGains].sort((a, b) => b - a),
    k,
  );
  return ideal > 0 ? dcg(rankedGains, k) / ideal : 0;
}

/** Every company ranked for the call under a variant, best first (ties by organisation number). */
function rankAll(index: MatchIndex, call: MatchCall, variant: Variant): { company: number; score: number }[] {
  if (variant === 'combined') return index.rank(call, index.size);
  if (variant === 'combined, locality + SME on') return index.rank({ ...call, matchPreferences: { locality: true, sme: true } }, index.size);
  const bm25 = new Map<number, number>();
  if (variant === 'text only') {
    const scores = new Float64Array(index.size);
    const touched: number[] = [];
    index.text.scoreWeightedInto(callQuery(call).weights, scores, touched);
    for (const d of touched) bm25.set(d, scores[d]!);
  }
  return index.companies
    .map((c, i) => ({
      company: i,
      score:
        variant === 'CPV only'
          ? combineStrengths(bestCpvEvidenceStrength(call.cpvCodes, c.cpvCodes, index.stats), 0, 0, false)
          : combineStrengths(0, bm25.get(i) ?? 0, 0, false),
      org: c.orgNumber,
    }))
    .sort((a, b) => b.score - a.score || (a.org < b.org ? -1 : 1))
    .map(({ company, score }) => ({ company, score }));
}

export function evaluateQuality(set: EvalSet, variant: Variant = 'combined', index = new MatchIndex(set.profiles)): QualityResults {
  const graded3 = set.maxGrade >= 3;
  const perCall = set.calls.map((call): CallQuality => {
    const grades = set.labels[call.id] ?? {};
    const ranked = rankAll(index, call, variant);
    const org = (i: number) => index.companies[i]!.orgNumber;
    const gains = ranked.map((r) => grades[org(r.company)] ?? 0);
    const top = ranked.slice(0, PRECISION_K).map((r) => ({
      orgNumber: org(r.company),
      name: index.companies[r.company]!.name,
      score: r.score,
      grade: grades[org(r.company)] ?? 0,
    }));
    const best = Math.max(...Object.values(grades));
    const missed = ranked
      .map((r, rank) => ({ r, rank: rank + 1 }))
      .filter(({ r, rank }) => rank > NDCG_K && (grades[org(r.company)] ?? 0) >= Math.max(1, best - (graded3 ? 1 : 0)))
      .map(({ r, rank }) => ({ orgNumber: org(r.company), name: index.companies[r.company]!.name, grade: grades[org(r.company)]!, rank, score: r.score }));
    return {
      id: call.id,
      title: call.title,
      ndcg: ndcg(gains, Object.values(grades), NDCG_K),
      precision: gains.slice(0, PRECISION_K).filter((g) => g >= 1).length / PRECISION_K,
      ...(graded3 ? { precisionGood: gains.slice(0, PRECISION_K).filter((g) => g >= 2).length / PRECISION_K } : {}),
      relevant: Object.values(grades).filter((g) => g > 0).length,
      top,
      missed,
    };
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    set: set.name,
    variant,
    companiesFrom: set.companiesFrom,
    calls: set.calls.length,
    companies: set.profiles.length,
    judgements: Object.values(set.labels).reduce((s, g) => s + Object.values(g).filter((x) => x > 0).length, 0),
    meanNdcg10: mean(perCall.map((c) => c.ndcg)),
    meanPrecision5: mean(perCall.map((c) => c.precision)),
    ...(graded3 ? { meanPrecisionGood5: mean(perCall.map((c) => c.precisionGood!)) } : {}),
    minNdcg10: Math.min(...perCall.map((c) => c.ndcg)),
    perCall,
  };
}

const mark = (met: boolean) => (met ? 'met' : 'MISSED');

/** Per-call table with the goal beside each figure, then the worst calls in detail. */
export function qualityReport(q: QualityResults, goals: { mean: number; perCall: number }, worst = 3): string {
  const lines = [
    `${q.set}: ${q.calls} calls × ${q.companies} companies (${q.companiesFrom}), ${q.judgements} positive judgements.`,
    `mean nDCG@${NDCG_K} = ${q.meanNdcg10.toFixed(3)} (goal ≥ ${goals.mean}: ${mark(q.meanNdcg10 >= goals.mean)})   ` +
      `min nDCG@${NDCG_K} = ${q.minNdcg10.toFixed(3)} (goal ≥ ${goals.perCall}: ${mark(q.minNdcg10 >= goals.perCall)})   ` +
      `mean precision@${PRECISION_K} = ${q.meanPrecision5.toFixed(3)}` +
      (q.meanPrecisionGood5 !== undefined ? ` (grade ≥ 2: ${q.meanPrecisionGood5.toFixed(3)})` : ''),
    '',
    `  call      nDCG@${NDCG_K}  goal ≥ ${goals.perCall}  P@${PRECISION_K}${q.meanPrecisionGood5 !== undefined ? '  P@5≥2' : ''}  rel  title`,
  ];
  for (const c of q.perCall) {
    lines.push(
      `  ${c.id.padEnd(9)} ${c.ndcg.toFixed(3).padStart(7)}  ${mark(c.ndcg >= goals.perCall).padEnd(9)} ${c.precision.toFixed(2).padStart(4)}` +
        `${c.precisionGood !== undefined ? `  ${c.precisionGood.toFixed(2).padStart(5)}` : ''}  ${String(c.relevant).padStart(3)}  ${c.title.slice(0, 60)}`,
    );
  }
  lines.push('', `Worst ${worst} calls (top ${PRECISION_K} with grade g; best-graded companies ranked below ${NDCG_K}):`);
  for (const c of [...q.perCall].sort((a, b) => a.ndcg - b.ndcg || a.id.localeCompare(b.id)).slice(0, worst)) {
    lines.push(`  ${c.id} "${c.title}": nDCG@${NDCG_K} ${c.ndcg.toFixed(3)}, P@${PRECISION_K} ${c.precision.toFixed(2)}`);
    c.top.forEach((t, i) => lines.push(`    ${i + 1}. ${t.score.toFixed(2).padStart(6)}  g${t.grade}  ${t.name} (${t.orgNumber})`));
    for (const m of c.missed.slice(0, 6)) lines.push(`    missed g${m.grade}: ${m.name} (${m.orgNumber}) at rank ${m.rank}, score ${m.score.toFixed(2)}`);
    if (c.missed.length > 6) lines.push(`    … ${c.missed.length - 6} more missed`);
  }
  return lines.join('\n');
}

/** The ablation table: mean nDCG@10 and precision@5 per variant and set. */
export function ablationTable(results: QualityResults[]): string {
  const sets = [...new Set(results.map((r) => r.set))];
  const header = `| variant | ${sets.map((s) => `${s} nDCG@10 | ${s} P@5`).join(' | ')} |`;
  const rule = `|---|${sets.map(() => '---|---').join('|')}|`;
  const rows = VARIANTS.map(
    (v) =>
      `| ${v} | ${sets
        .map((s) => {
          const r = results.find((x) => x.set === s && x.variant === v);
          return r ? `${r.meanNdcg10.toFixed(3)} | ${r.meanPrecision5.toFixed(3)}` : '– | –';
        })
        .join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
