/**
 * `npm run bench:match`: matching quality on the labelled evaluation sets (part 1), then ranking and
 * slate performance on generated data (parts 2 and 3). Prints figures and whether each goal is met;
 * writes them to bench/.out/match-results.json. A measurement, not a test: it never fails on a missed
 * goal, but it does fail (exit 1) when an evaluation set is missing or unusable.
 *
 *   npm run bench:match                         both sets: tests/fixtures/match-eval (tuned on) and
 *                                               tests/fixtures/match-eval-blind (held out, never tuned on)
 *   npm run bench:match -- --set path [--set …] only these sets (same format; see eval-set.ts)
 *   npm run bench:match -- --quality-only       part 1 only
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateCalls } from '../../infra/local/generate/calls.js';
import { generateCompanies } from '../../infra/local/generate/companies.js';
import { goal, ms, ratio, table } from '../lib/format.js';
import { median } from '../lib/stats.js';
import { benchBuild, benchLatency, benchRecompute, TOP } from './perf.js';
import { ablationTable, evaluateQuality, qualityReport, VARIANTS, type QualityResults } from './quality.js';
import { loadEvalSet, type EvalSet } from './eval-set.js';
import { benchSlate } from './slate.js';

const SETTINGS = {
  seed: 20_240_917,
  now: '2026-01-15T12:00:00.000Z',
  calls: 150,
  companies: 10_000,
  recomputeReps: 9,
  perCallReps: 3,
  latencyReps: 5,
  slateReps: 3,
  partnersPerCall: 1,
};
const GOALS = { ndcg10: 0.8, perCallNdcg10: 0.5, recomputeRatio: 0.3, slateSolveMs: 50, p99Ms: 10 };
const DEFAULT_SETS = [
  { dir: fileURLToPath(new URL('../../tests/fixtures/match-eval/', import.meta.url)), name: 'team set (tuned on)' },
  { dir: fileURLToPath(new URL('../../tests/fixtures/match-eval-blind/', import.meta.url)), name: 'blind set (held out)' },
];

const argv = process.argv.slice(2);
const setArgs = argv.flatMap((a, i) => (a === '--set' && argv[i + 1] ? [argv[i + 1]!] : a.startsWith('--set=') ? [a.slice(6)] : []));
const qualityOnly = argv.includes('--quality-only');
const OUT_DIR = fileURLToPath(new URL('../.out/', import.meta.url));

const log = (s: string) => console.log(`  · ${s}`);
const heading = (s: string) => console.log(`\n=== ${s} ===`);
const mb = (bytes: number) => bytes / (1024 * 1024);

// Retained memory needs a full GC on demand: the npm script passes --expose-gc; without it, turn it on here.
let gc = globalThis.gc as (() => void) | undefined;
if (!gc) {
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
}

const started = Date.now();
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const loadAtStart = load();
console.log(`Node ${process.version}, ${availableParallelism()} cores, load average ${loadAtStart}. Settings: ${JSON.stringify(SETTINGS)}`);

heading('Part 1: quality on the labelled evaluation sets');
const wanted = setArgs.length ? setArgs.map((dir) => ({ dir, name: dir })) : DEFAULT_SETS;
const sets: EvalSet[] = [];
const setErrors: string[] = [];
for (const w of wanted) {
  try {
    sets.push(loadEvalSet(w.dir, w.name));
  } catch (e) {
    setErrors.push((e as Error).message);
    console.error(`\n!!! ${(e as Error).message}\n!!! Quality on this set is NOT reported; the run will exit 1.\n`);
  }
}
const qualityBySet: QualityResults[][] = sets.map((set) => VARIANTS.map((v) => evaluateQuality(set, v)));
for (const results of qualityBySet) {
  console.log('');
  console.log(qualityReport(results[0]!, { mean: GOALS.ndcg10, perCall: GOALS.perCallNdcg10 }));
}
console.log(`\nAblation (mean nDCG@10 | precision@5; "combined" is what the product ranks with: locality and SME off for calls without a procedure):`);
console.log(ablationTable(qualityBySet.flat()));
if (qualityOnly) {
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, 'match-quality.json'), `${JSON.stringify({ at: new Date().toISOString(), quality: qualityBySet, setErrors }, null, 2)}\n`);
  if (setErrors.length) process.exit(1);
  process.exit(0);
}

heading(`Part 2: performance, ${SETTINGS.calls} calls × ${SETTINGS.companies} companies (generated)`);
const profiles = generateCompanies(SETTINGS.companies, SETTINGS.seed);
const calls = generateCalls(SETTINGS.calls, SETTINGS.seed, new Date(SETTINGS.now));
const { index, results: build } = benchBuild(profiles, gc);
console.log(
  `Index build: ${ms(build.buildMs)} ms (median of ${build.builds.length}); retained after GC: ${build.retainedMB.toFixed(1)} MB ` +
    `(heap ${build.retainedHeapMB.toFixed(1)} MB + array buffers ${build.retainedArrayBuffersMB.toFixed(1)} MB)`,
);

log(
  `full recompute of top ${TOP} for ${calls.length} calls, ${SETTINGS.recomputeReps} interleaved repetitions, then ${SETTINGS.perCallReps} interleaved per call`,
);
const recompute = benchRecompute(index, profiles, calls, SETTINGS.recomputeReps, SETTINGS.perCallReps, log);
console.log(
  table(
    ['full recompute, top 20 × 150 calls', 'median ms', 'CPU median ms', 'runs ms (wall)'],
    [
      ['MatchIndex.rank (full score)', ms(recompute.indexMedianMs), ms(median(recompute.indexCpuMs)), recompute.indexMs.map((x) => x.toFixed(0)).join(' ')],
      ['naive all-pairs BM25 (tf Maps)', ms(recompute.naiveMedianMs), ms(median(recompute.naiveCpuMs)), recompute.naiveMs.map((x) => x.toFixed(0)).join(' ')],
      ['index, interleaved per call (cold)', ms(median(recompute.perCallIndexMs)), '', recompute.perCallIndexMs.map((x) => x.toFixed(0)).join(' ')],
      ['naive BM25, interleaved per call', ms(median(recompute.perCallNaiveMs)), '', recompute.perCallNaiveMs.map((x) => x.toFixed(0)).join(' ')],
      ['naive all-pairs full score (check)', ms(recompute.naiveFullMs), '', '1 run'],
    ],
  ),
);
console.log(
  `Ratio index / naive BM25: ${ratio(recompute.ratio)} (wall medians), ${ratio(recompute.cpuRatio)} (CPU medians); ` +
    `interleaved per call: ${ratio(recompute.perCallRatio)}. ` +
    `Index top ${TOP} identical to naive full-score top ${TOP}: ${recompute.identicalTopN}/${calls.length} calls. ` +
    `Naive BM25 equals index BM25: ${recompute.naiveBm25Checked - recompute.naiveBm25Mismatches}/${recompute.naiveBm25Checked} pairs.`,
);

const latency = benchLatency(index, calls, SETTINGS.latencyReps);
console.log(
  `One call's top ${TOP} against ${index.size} profiles (${latency.samples} samples): ` +
    `p50 ${ms(latency.p50)} ms, p90 ${ms(latency.p90)} ms, p99 ${ms(latency.p99)} ms, max ${ms(latency.max)} ms (wall clock); ` +
    `CPU time p50 ${ms(latency.cpuP50)} ms, p99 ${ms(latency.cpuP99)} ms. Load average now ${load()} on ${availableParallelism()} cores.`,
);
const rssAfterRanking = mb(process.resourceUsage().maxRSS * 1024);
console.log(`Peak RSS so far (data, index, naive corpus): ${rssAfterRanking.toFixed(0)} MB`);

heading(`Part 3: partner slate, ${calls.length} calls × ${index.size} companies, ${SETTINGS.partnersPerCall} partner per call`);
const slate = benchSlate(index, calls, SETTINGS.partnersPerCall, SETTINGS.slateReps, log);
console.log(
  table(
    ['slate', 'value'],
    [
      ['proposeSlate end to end (median)', `${ms(slate.proposeMedianMs)} ms`],
      [
        'solveSlate on final pruned lists: median / min / CPU median',
        `${ms(slate.solveMedianMs)} / ${ms(slate.solveMinMs)} / ${ms(slate.solveCpuMedianMs)} ms`,
      ],
      ['evidence.optimal', String(slate.optimal)],
      ['rounds', String(slate.rounds)],
      ['candidates per call (min-max)', `${slate.candidatesPerCall.min}-${slate.candidatesPerCall.max}`],
      ['candidate pairs / companies considered', `${slate.candidatePairs} / ${slate.companiesConsidered} of ${slate.companiesInIndex}`],
      ['pairs assigned / total score', `${slate.pairs} / ${slate.total.toFixed(2)}`],
      ['bench replica of candidate lists agrees', String(slate.replicaAgrees)],
      [
        `check: ${slate.check.candidatesPerCall} per call (${slate.check.nodes} nodes)`,
        `${slate.check.pairs} pairs / ${slate.check.total.toFixed(2)}, ${slate.check.solveMs.toFixed(0)} ms, certified ${slate.check.certified}`,
      ],
      ['pruning kept the optimum', String(slate.check.sameOptimum)],
    ],
  ),
);
const peakRssMB = mb(process.resourceUsage().maxRSS * 1024);

heading('Summary');
const rows: { what: string; value: string; target: string; met: boolean }[] = [
  ...qualityBySet.flatMap(([q]) => [
    { what: `quality: mean nDCG@10, ${q!.set}`, value: q!.meanNdcg10.toFixed(3), target: `≥ ${GOALS.ndcg10}`, met: q!.meanNdcg10 >= GOALS.ndcg10 },
    {
      what: `quality: lowest call nDCG@10, ${q!.set}`,
      value: q!.minNdcg10.toFixed(3),
      target: `≥ ${GOALS.perCallNdcg10}`,
      met: q!.minNdcg10 >= GOALS.perCallNdcg10,
    },
  ]),
  ...setErrors.map((e) => ({ what: `quality: ${e.split(':')[0]}`, value: 'MISSING', target: 'present', met: false })),
  {
    what: 'recompute top 20 × 150: index / naive BM25',
    value: ratio(recompute.ratio),
    target: `≤ ${GOALS.recomputeRatio}x`,
    met: recompute.ratio <= GOALS.recomputeRatio,
  },
  {
    what: 'rank exact (= naive full-score top 20)',
    value: `${recompute.identicalTopN}/${calls.length}`,
    target: 'all',
    met: recompute.identicalTopN === calls.length,
  },
  { what: 'one call top 20 at 10,000 companies: p99', value: `${ms(latency.p99)} ms`, target: `≤ ${GOALS.p99Ms} ms`, met: latency.p99 <= GOALS.p99Ms },
  {
    what: 'slate solve after pruning (median)',
    value: `${ms(slate.solveMedianMs)} ms`,
    target: `≤ ${GOALS.slateSolveMs} ms`,
    met: slate.solveMedianMs <= GOALS.slateSolveMs,
  },
  { what: 'slate certified optimal', value: String(slate.optimal), target: 'true', met: slate.optimal },
  { what: 'slate optimum unchanged by pruning', value: String(slate.check.sameOptimum), target: 'true', met: slate.check.sameOptimum },
];
console.log(
  table(
    ['goal', 'value', 'target', 'status'],
    rows.map((r) => [r.what, r.value, r.target, goal(r.met)]),
  ),
);
console.log(
  table(
    ['figure (no goal)', 'value'],
    [
      ...qualityBySet.map(([q]) => [`precision@5, ${q!.set}`, q!.meanPrecision5.toFixed(3)]),
      ['recompute ratio: CPU medians / per-call interleaved', `${ratio(recompute.cpuRatio)} / ${ratio(recompute.perCallRatio)}`],
      ['index build', `${ms(build.buildMs)} ms`],
      ['index retained memory', `${build.retainedMB.toFixed(1)} MB`],
      ['one call top 20: p50 / p99 (wall clock)', `${ms(latency.p50)} / ${ms(latency.p99)} ms`],
      ['one call top 20: p50 / p99 (CPU time)', `${ms(latency.cpuP50)} / ${ms(latency.cpuP99)} ms`],
      ['proposeSlate end to end', `${ms(slate.proposeMedianMs)} ms`],
      ['slate solve after pruning: min / CPU median', `${ms(slate.solveMinMs)} / ${ms(slate.solveCpuMedianMs)} ms`],
      ['peak RSS (whole run)', `${peakRssMB.toFixed(0)} MB`],
      ['load average at start / end (2 cores)', `${loadAtStart} / ${load()}`],
    ],
  ),
);

const results = {
  node: process.version,
  cores: availableParallelism(),
  at: new Date().toISOString(),
  loadAverage: { start: loadAtStart, end: load() },
  settings: SETTINGS,
  goals: GOALS,
  quality: qualityBySet,
  setErrors,
  build,
  recompute,
  latency,
  slate,
  rssAfterRankingMB: rssAfterRanking,
  peakRssMB,
  summary: rows,
};
await mkdir(OUT_DIR, { recursive: true });
const file = join(OUT_DIR, 'match-results.json');
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s in all).`);
if (setErrors.length) process.exit(1);
