/**
 * Ranking performance on generated data: index build time and retained memory, a full recompute of
 * every call's top 20 (MatchIndex.rank beside plain all-pairs BM25, interleaved), and one call's
 * top-20 latency.
 */
import { performance } from 'node:perf_hooks';
import { MatchIndex } from '../../shared/matching/match-index.js';
import { companyDocumentTerms, type MatchCall } from '../../shared/matching/score.js';
import { callQuery } from '../../shared/matching/analyze.js';
import type { GeneratedCompany } from '../../infra/local/generate/companies.js';
import { median, quantile } from '../lib/stats.js';
import { naiveBm25TopN, naiveCorpus, naiveFullTopN, type Hit } from './naive.js';

export const TOP = 20;

const MB = 1024 * 1024;

/** Wall-clock and process CPU time (user + system, all threads) of one run, in ms. */
export function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { value, wall, cpu: (u.user + u.system) / 1000 };
}

function collect(gc: () => void): { heap: number; buffers: number } {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}

export interface BuildResults {
  buildMs: number;
  builds: number[];
  retainedHeapMB: number;
  retainedArrayBuffersMB: number;
  retainedMB: number;
}

/** Build the index a few times (keeping the last); memory is what one index keeps after a full GC. */
export function benchBuild(profiles: readonly GeneratedCompany[], gc: () => void, runs = 3): { index: MatchIndex; results: BuildResults } {
  const builds: number[] = [];
  for (let i = 0; i < runs - 1; i++) {
    const t = performance.now();
    new MatchIndex(profiles);
    builds.push(performance.now() - t);
  }
  const before = collect(gc);
  const t = performance.now();
  const index = new MatchIndex(profiles);
  builds.push(performance.now() - t);
  const after = collect(gc);
  const heap = (after.heap - before.heap) / MB;
  const buffers = (after.buffers - before.buffers) / MB;
  return { index, results: { buildMs: median(builds), builds, retainedHeapMB: heap, retainedArrayBuffersMB: buffers, retainedMB: heap + buffers } };
}

export interface RecomputeResults {
  reps: number;
  indexMs: number[];
  naiveMs: number[];
  indexCpuMs: number[];
  naiveCpuMs: number[];
  indexMedianMs: number;
  naiveMedianMs: number;
  /** Ratio of the wall-clock medians (the goal's figure). */
  ratio: number;
  /** Ratio of the CPU-time medians: less sensitive to other processes on a shared machine. */
  cpuRatio: number;
  /** Interleaved per call (pessimistic for the index: cold caches); summed per repetition. */
  perCallIndexMs: number[];
  perCallNaiveMs: number[];
  perCallRatio: number;
  naiveFullMs: number;
  /** Calls whose MatchIndex top 20 equals the plain full-score top 20 exactly (companies and scores). */
  identicalTopN: number;
  /** Calls whose index text BM25 equals the plain BM25 for the naive's top 20 (sanity of the baseline). */
  naiveBm25Checked: number;
  naiveBm25Mismatches: number;
}

export function benchRecompute(
  index: MatchIndex,
  profiles: readonly GeneratedCompany[],
  calls: readonly MatchCall[],
  reps: number,
  perCallReps: number,
  log: (s: string) => void,
): RecomputeResults {
  // The naive side tokenises everything beforehand (not timed); MatchIndex.rank tokenises the call itself.
  const corpus = naiveCorpus(
    profiles.map((p) => ({ orgNumber: p.orgNumber, terms: companyDocumentTerms(p), cpvCodes: p.cpvCodes, municipalityCode: p.municipalityCode, sme: p.sme })),
  );
  const queries = calls.map((c) => callQuery(c).weights);

  const runIndex = () => timed(() => calls.map((c) => index.rank(c, TOP)));
  const runNaive = () => timed(() => queries.map((q) => naiveBm25TopN(corpus, q, TOP)));

  // Warm-up (JIT) of both sides over every call.
  runIndex();
  const lastNaive: Hit[][] = runNaive().value;

  // The goal's figure: whole recomputes (all calls), alternating index and naive, the order swapped
  // on every other repetition; medians over the repetitions.
  const indexMs: number[] = [];
  const naiveMs: number[] = [];
  const indexCpuMs: number[] = [];
  const naiveCpuMs: number[] = [];
  const record = (side: 'index' | 'naive') => {
    const t = side === 'index' ? runIndex() : runNaive();
    (side === 'index' ? indexMs : naiveMs).push(t.wall);
    (side === 'index' ? indexCpuMs : naiveCpuMs).push(t.cpu);
  };
  for (let r = 0; r < reps; r++) {
    for (const side of r % 2 === 0 ? (['index', 'naive'] as const) : (['naive', 'index'] as const)) record(side);
    log(
      `rep ${r + 1}/${reps}: index ${indexMs.at(-1)!.toFixed(1)} ms, naive BM25 ${naiveMs.at(-1)!.toFixed(1)} ms (ratio ${(indexMs.at(-1)! / naiveMs.at(-1)!).toFixed(2)})`,
    );
  }

  // Cross-check, interleaved per call: each call's rank runs right after (or before) the naive scan of
  // the same call, so bursts of load from other processes hit both sides alike, but the index then
  // runs with caches the naive scan has just flushed (and in its garbage): a pessimistic figure.
  const perCallIndexMs: number[] = [];
  const perCallNaiveMs: number[] = [];
  for (let r = 0; r < perCallReps; r++) {
    let iw = 0;
    let nw = 0;
    const order = calls.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const a = () => (iw += timed(() => index.rank(calls[i]!, TOP)).wall);
      const b = () => (nw += timed(() => naiveBm25TopN(corpus, queries[i]!, TOP)).wall);
      if (r % 2 === 0) {
        a();
        b();
      } else {
        b();
        a();
      }
    }
    perCallIndexMs.push(iw);
    perCallNaiveMs.push(nw);
    log(`per-call interleaved ${r + 1}/${perCallReps}: index ${iw.toFixed(1)} ms, naive BM25 ${nw.toFixed(1)} ms (ratio ${(iw / nw).toFixed(2)})`);
  }

  // Sanity of the baseline: its BM25 equals the index's text scores.
  let checked = 0;
  let mismatches = 0;
  lastNaive.forEach((hits, i) => {
    const scores = new Float64Array(index.size);
    index.text.scoreWeightedInto(queries[i]!, scores, []);
    for (const h of hits) {
      checked++;
      if (scores[h.company] !== h.score) mismatches++;
    }
  });

  // Exactness at scale: the index's top 20 equals plain all-pairs scoring with the same full score.
  const fullRun = timed(() => calls.map((c, i) => naiveFullTopN(corpus, c, queries[i]!, TOP)));
  const full = fullRun.value;
  const naiveFullMs = fullRun.wall;
  const ranked = runIndex().value;
  const identical = ranked.filter((r, i) => JSON.stringify(r) === JSON.stringify(full[i])).length;

  const indexMedianMs = median(indexMs);
  const naiveMedianMs = median(naiveMs);
  return {
    reps,
    indexMs,
    naiveMs,
    indexCpuMs,
    naiveCpuMs,
    indexMedianMs,
    naiveMedianMs,
    ratio: indexMedianMs / naiveMedianMs,
    cpuRatio: median(indexCpuMs) / median(naiveCpuMs),
    perCallIndexMs,
    perCallNaiveMs,
    perCallRatio: median(perCallIndexMs) / median(perCallNaiveMs),
    naiveFullMs,
    identicalTopN: identical,
    naiveBm25Checked: checked,
    naiveBm25Mismatches: mismatches,
  };
}

export interface LatencyResults {
  samples: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The same quantiles of process CPU time per call: what the call costs when it gets a core. */
  cpuP50: number;
  cpuP99: number;
}

export function benchLatency(index: MatchIndex, calls: readonly MatchCall[], reps: number): LatencyResults {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const call of calls) {
      const t = timed(() => index.rank(call, TOP));
      samples.push(t.wall);
      cpu.push(t.cpu);
    }
  }
  return {
    samples: samples.length,
    p50: quantile(samples, 0.5),
    p90: quantile(samples, 0.9),
    p99: quantile(samples, 0.99),
    max: Math.max(...samples),
    cpuP50: quantile(cpu, 0.5),
    cpuP99: quantile(cpu, 0.99),
  };
}
