/**
 * The partner slate for every open call at once: proposeSlate end to end, the solve alone on the final
 * (pruned) candidate lists, and a check that pruning did not change the optimum.
 */
import { performance } from 'node:perf_hooks';
import type { MatchIndex, Ranked } from '../../shared/matching/match-index.js';
import { proposeSlate } from '../../shared/matching/propose-slate.js';
import type { MatchCall } from '../../shared/matching/score.js';
import { solveSlate, type SlateCall } from '../../shared/matching/slate.js';
import { median } from '../lib/stats.js';
import { timed } from './perf.js';

/** Largest graph (nodes) we let min-cost-flow build: it allocates two dense n × n matrices. */
const MAX_NODES = 3600;
const SOLVE_REPS = 21;

export interface SlateBenchResults {
  partnersPerCall: number;
  proposeMs: number[];
  proposeMedianMs: number;
  total: number;
  pairs: number;
  optimal: boolean;
  rounds: number;
  candidatesPerCall: { min: number; max: number };
  candidatePairs: number;
  companiesConsidered: number;
  companiesInIndex: number;
  unprovenCalls: number;
  /** The replica of proposeSlate's loop reached the same total and rounds. */
  replicaAgrees: boolean;
  solveMs: number[];
  solveCpuMs: number[];
  solveMedianMs: number;
  solveMinMs: number;
  solveCpuMedianMs: number;
  check: {
    candidatesPerCall: number;
    companies: number;
    nodes: number;
    total: number;
    pairs: number;
    certified: boolean;
    solveMs: number;
    sameOptimum: boolean;
  };
}

/**
 * proposeSlate's candidate construction, step for step (shared/matching/propose-slate.ts): start from
 * max(6, 3 × partners) per call, rank k + 1 so the (k + 1)-th is the outside bound, solve, double the
 * lists of unproven calls, at most 8 rounds. Returns the final problem, as proposeSlate last solved it.
 */
function replicateCandidates(index: MatchIndex, calls: readonly MatchCall[], partners: number, capacity: (c: number) => number) {
  const sizes = calls.map(() => Math.max(6, partners * 3));
  const rankCache = new Map<number, Ranked[]>();
  for (let round = 1; ; round++) {
    const problem: SlateCall[] = calls.map((call, i) => {
      const k = sizes[i]!;
      let ranked = rankCache.get(i);
      if (!ranked || ranked.length < Math.min(k + 1, index.size)) rankCache.set(i, (ranked = index.rank(call, k + 1)));
      const outside = ranked[k];
      return { partners, candidates: ranked.slice(0, k), outsideBound: outside ? outside.score : -1 };
    });
    const solved = solveSlate(problem, capacity);
    if (solved.unproven.length === 0 || round >= 8) return { problem, solved, rounds: round };
    for (const i of solved.unproven) sizes[i] = Math.min(sizes[i]! * 2, index.size);
  }
}

function largeProblem(index: MatchIndex, calls: readonly MatchCall[], partners: number, wanted: number) {
  const ranked = calls.map((c) => index.rank(c, wanted + 1));
  for (let k = wanted; k >= 10; k -= 5) {
    const companies = new Set(ranked.flatMap((r) => r.slice(0, k).map((x) => x.company)));
    const nodes = calls.length + companies.size + 2;
    if (nodes <= MAX_NODES) {
      const problem: SlateCall[] = ranked.map((r) => ({ partners, candidates: r.slice(0, k), outsideBound: r[k]?.score ?? -1 }));
      return { problem, k, companies: companies.size, nodes };
    }
  }
  throw new Error('no candidate list size fits the node limit');
}

export function benchSlate(index: MatchIndex, calls: readonly MatchCall[], partners: number, reps: number, log: (s: string) => void): SlateBenchResults {
  const capacity = (c: number) => index.companies[c]!.capacity;

  const proposeMs: number[] = [];
  let slate!: ReturnType<typeof proposeSlate>;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    slate = proposeSlate(index, calls, { partnersPerCall: partners });
    proposeMs.push(performance.now() - t);
    log(
      `proposeSlate ${r + 1}/${reps}: ${proposeMs.at(-1)!.toFixed(1)} ms, total ${slate.total}, rounds ${slate.evidence.rounds}, optimal ${slate.evidence.optimal}`,
    );
  }

  const replica = replicateCandidates(index, calls, partners, capacity);
  const replicaAgrees = Math.round(replica.solved.total * 100) / 100 === slate.total && replica.rounds === slate.evidence.rounds;

  // The solve alone, on the final pruned lists (warm-up once).
  solveSlate(replica.problem, capacity);
  const solveMs: number[] = [];
  const solveCpuMs: number[] = [];
  for (let r = 0; r < SOLVE_REPS; r++) {
    const { wall, cpu } = timed(() => solveSlate(replica.problem, capacity));
    solveMs.push(wall);
    solveCpuMs.push(cpu);
  }
  log(
    `solveSlate on pruned lists: median ${median(solveMs).toFixed(1)} ms, min ${Math.min(...solveMs).toFixed(1)} ms over ${solveMs.length} runs (CPU median ${median(solveCpuMs).toFixed(1)} ms)`,
  );

  // Did pruning change the optimum? Solve once with much longer lists.
  const large = largeProblem(index, calls, partners, 60);
  const t = performance.now();
  const big = solveSlate(large.problem, capacity);
  const bigMs = performance.now() - t;
  log(
    `check solve: ${large.k} candidates per call, ${large.companies} companies, ${large.nodes} nodes: ${bigMs.toFixed(0)} ms, total ${Math.round(big.total * 100) / 100}`,
  );
  const bigTotal = Math.round(big.total * 100) / 100;
  const pairs = slate.items.reduce((s, i) => s + i.partners.length, 0);

  return {
    partnersPerCall: partners,
    proposeMs,
    proposeMedianMs: median(proposeMs),
    total: slate.total,
    pairs,
    optimal: slate.evidence.optimal,
    rounds: slate.evidence.rounds,
    candidatesPerCall: slate.evidence.candidatesPerCall,
    candidatePairs: replica.problem.reduce((s, p) => s + p.candidates.length, 0),
    companiesConsidered: slate.evidence.companiesConsidered,
    companiesInIndex: slate.evidence.companiesInIndex,
    unprovenCalls: slate.evidence.unprovenCalls.length,
    replicaAgrees,
    solveMs,
    solveCpuMs,
    solveMedianMs: median(solveMs),
    solveMinMs: Math.min(...solveMs),
    solveCpuMedianMs: median(solveCpuMs),
    check: {
      candidatesPerCall: large.k,
      companies: large.companies,
      nodes: large.nodes,
      total: bigTotal,
      pairs: big.partners.flat().length,
      certified: big.unproven.length === 0,
      solveMs: bigMs,
      sameOptimum: bigTotal === slate.total && big.partners.flat().length === pairs,
    },
  };
}
