/**
 * The partner slate at national size (issue 14 goal: 5,000 open calls × 100,000 companies, certified
 * optimal in ≤ 5 s): the generated market in memory (no DynamoDB), the match index built once and reused
 * by every run, then the slate route's own proposeSlateOnAllCores over every open call with two partners
 * each (candidate lists ranked on every core; the first run includes starting the workers and copying the
 * index to them, later runs reuse them, as a warm Lambda container does). Prints per run the time
 * spent ranking candidates (the index's bounded `topK`, the same lists as `rank`), in the flow solver + certificate, and the total, with the
 * goal beside each; and checks the slate is feasible. SLATE_SIZE=ostfold|five|national (default national),
 * SLATE_RUNS (default 2), RANK_WORKERS (default: one per core but this one).
 * Run: node --max-old-space-size=16000 --import tsx bench/scale/slate-national.ts
 */
import { performance } from 'node:perf_hooks';
import { generateMarket, SIZES } from '../../infra/local/generate/national.js';
import { MatchIndex } from '../../shared/matching/match-index.js';
import { companyDocumentTerms } from '../../shared/matching/score.js';
import { proposeSlateOnAllCores, stopRankWorkers } from '../../functions/matching/rank-on-all-cores.js';
import { slateRankDepth } from '../../shared/matching/propose-slate.js';

const size = SIZES[(process.env.SLATE_SIZE ?? 'national') as keyof typeof SIZES];
const RUNS = Number(process.env.SLATE_RUNS ?? 2);
const NOW = new Date();
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

let t = performance.now();
const market = generateMarket(size, 2026, NOW);
const profiles = market.companies;
const index = new MatchIndex(
  profiles,
  profiles.map((p) => companyDocumentTerms(p)),
);
console.log(`${size.name}: ${index.size.toLocaleString('en')} companies; market + index in ${s(performance.now() - t)} (once, reused by every run)`);
const open = market.calls.filter((c) => c.status === 'open' && Date.parse(c.deadline) > NOW.getTime());

const memory = () => process.memoryUsage();
const before = memory();
for (let run = 1; run <= RUNS; run++) {
  t = performance.now();
  const slate = await proposeSlateOnAllCores(index, open, { partnersPerCall: 2 });
  const totalMs = performance.now() - t;
  const { candidatesMs, flowMs } = slate.timings;
  const load = new Map<number, number>();
  for (const item of slate.items) for (const p of item.partners) load.set(p.company, (load.get(p.company) ?? 0) + 1);
  const over = [...load].filter(([c, n]) => n > index.companies[c]!.capacity).length;
  const e = slate.evidence;
  console.log(
    `run ${run}: ${open.length} calls × 2 partners: ${e.optimal ? 'certified optimal' : `NOT certified (${e.unprovenCalls.length} calls)`} (goal: certified), ` +
      `${e.rounds} rounds, ranked on ${slate.workers + 1} threads, ${e.candidatesPerCall.min}–${e.candidatesPerCall.max} candidates per call, ${e.companiesConsidered.toLocaleString('en')} companies considered, ` +
      `${slate.items.reduce((n, i) => n + i.partners.length, 0)} pairs, total ${slate.total}, ${over} companies over capacity`,
  );
  console.log(
    `  candidates (topK) ${s(candidatesMs)}; flow + certificate ${s(flowMs)}; other ${s(totalMs - candidatesMs - flowMs)}; ` +
      `total ${s(totalMs)} (goal ≤ 5 s: ${totalMs <= 5000 ? 'met' : 'MISSED'}; flow alone: ${flowMs <= 5000 ? 'met' : 'MISSED'})`,
  );
}
const after = memory();
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`memory after the runs, workers included: rss +${mb(after.rss - before.rss)}`);
// Exactness: the lists the slate ranked are rank's (the unbounded ranking) for a sample of calls.
const depth = slateRankDepth({ partnersPerCall: 2 });
const sample = open.filter((_, i) => i % 100 === 0);
const differ = sample.filter((call) => JSON.stringify(index.topK(call, depth)) !== JSON.stringify(index.rank(call, depth))).length;
console.log(`exact: topK equals rank at depth ${depth} for ${sample.length - differ} of ${sample.length} sample calls (goal: all)`);
stopRankWorkers();
