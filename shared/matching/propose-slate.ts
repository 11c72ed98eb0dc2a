import type { MatchIndex, Ranked } from './match-index.js';
import type { MatchCall, PairScore } from './score.js';
import { solveSlate } from './slate.js';
import { SlateCandidates } from './slate-candidates.js';

export interface SlateOptions {
  partnersPerCall: number;
  /** Candidates per call to start from; lists that cannot be proven optimal double. */
  initialCandidates?: number;
  maxRounds?: number;
  /** Capacity per company; the companies' own when left out. */
  capacity?: (company: number) => number;
  /**
   * Every call's list already ranked `slateRankDepth(options)` deep (by `index.topK`, elsewhere: on other
   * cores, see functions/matching/rank-on-all-cores.ts), and the time that took.
   */
  ranked?: { lists: readonly (readonly Ranked[])[]; ms: number };
}

/** Candidates per call in the first round. */
const firstSize = (opts: SlateOptions) => Math.max(opts.initialCandidates ?? 6, opts.partnersPerCall * 3);

/** How deep each call is ranked at first: enough for its list to double three times (slate-candidates.ts). */
export const slateRankDepth = (opts: SlateOptions) => 8 * firstSize(opts) + 1;

export interface ProposedSlate {
  items: { call: MatchCall; partners: { company: number; score: number; explain: () => PairScore }[] }[];
  total: number;
  evidence: {
    method: string;
    optimal: boolean;
    rounds: number;
    candidatesPerCall: { min: number; max: number };
    companiesConsidered: number;
    companiesInIndex: number;
    unprovenCalls: string[];
  };
  /** Where the time went: ranking candidates (the index) and solving plus certifying (the flow), in ms. */
  timings: { candidatesMs: number; flowMs: number };
}

/**
 * A partner slate for many calls at once that respects every company's capacity. Each call brings its
 * best candidates; the assignment is solved exactly on them, and a duality certificate tells whether
 * any left-out company could have done better. Calls that cannot be proven get longer lists until
 * all are proven (or maxRounds is reached, which the evidence then says).
 */
export function proposeSlate(index: MatchIndex, calls: readonly MatchCall[], opts: SlateOptions): ProposedSlate {
  const partners = opts.partnersPerCall;
  const first = firstSize(opts);
  const sizes = calls.map(() => first);
  const maxRounds = opts.maxRounds ?? 8;
  const lists = new SlateCandidates(index, calls, opts.ranked?.lists);
  const capacity = opts.capacity ?? ((c: number) => index.capacityOf(c));
  let flowMs = 0;
  let round = 0;
  for (;;) {
    round++;
    const problem = calls.map((_, i) => lists.problem(i, sizes[i]!, partners, slateRankDepth(opts)));
    const started = performance.now();
    const solved = solveSlate(problem, capacity);
    flowMs += performance.now() - started;
    if (solved.unproven.length === 0 || round >= maxRounds) {
      const considered = new Set(problem.flatMap((p) => p.candidates.map((c) => c.company)));
      return {
        items: calls.map((call, i) => ({
          call,
          partners: solved.partners[i]!.map((company) => ({
            company,
            score: problem[i]!.candidates.find((c) => c.company === company)!.score,
            explain: () => index.explain(call, company),
          })).sort((a, b) => b.score - a.score),
        })),
        total: Math.round(solved.total * 100) / 100,
        evidence: {
          method: 'min-cost flow (successive shortest paths, Dijkstra with potentials) on per-call candidate lists, certified by LP duality over all companies',
          optimal: solved.unproven.length === 0,
          rounds: round,
          candidatesPerCall: { min: Math.min(...sizes), max: Math.max(...sizes) },
          companiesConsidered: considered.size,
          companiesInIndex: index.size,
          unprovenCalls: solved.unproven.map((i) => calls[i]!.id),
        },
        timings: { candidatesMs: lists.rankMs + (opts.ranked?.ms ?? 0), flowMs },
      };
    }
    for (const i of solved.unproven) sizes[i] = Math.min(sizes[i]! * 2, index.size);
  }
}
