import type { MatchIndex } from './match-index.js';
import type { MatchCall, PairScore } from './score.js';
import { solveSlate } from './slate.js';

export interface SlateOptions {
  partnersPerCall: number;
  /** Candidates per call to start from; lists that cannot be proven optimal double. */
  initialCandidates?: number;
  maxRounds?: number;
  /** Capacity per company; the companies' own when left out. */
  capacity?: (company: number) => number;
}

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
}

/**
 * A partner slate for many calls at once that respects every company's capacity. Each call brings its
 * best candidates; the assignment is solved exactly on them, and a duality certificate tells whether
 * any left-out company could have done better. Calls that cannot be proven get longer lists until
 * all are proven (or maxRounds is reached, which the evidence then says).
 */
export function proposeSlate(index: MatchIndex, calls: readonly MatchCall[], opts: SlateOptions): ProposedSlate {
  const partners = opts.partnersPerCall;
  const sizes = calls.map(() => Math.max(opts.initialCandidates ?? 6, partners * 3));
  const maxRounds = opts.maxRounds ?? 8;
  const rankCache = new Map<number, ReturnType<MatchIndex['rank']>>();
  let round = 0;
  for (;;) {
    round++;
    const problem = calls.map((call, i) => {
      const k = sizes[i]!;
      let ranked = rankCache.get(i);
      if (!ranked || ranked.length < Math.min(k + 1, index.size)) rankCache.set(i, (ranked = index.rank(call, k + 1)));
      const candidates = ranked.slice(0, k);
      const outside = ranked[k];
      return { partners, candidates, outsideBound: outside ? outside.score : -1 };
    });
    const solved = solveSlate(problem, opts.capacity ?? ((c) => index.capacityOf(c)));
    if (solved.unproven.length === 0 || round >= maxRounds) {
      const considered = new Set(problem.flatMap((p) => p.candidates.map((c) => c.company)));
      return {
        items: calls.map((call, i) => ({
          call,
          partners: solved.partners[i]!
            .map((company) => ({ company, score: problem[i]!.candidates.find((c) => c.company === company)!.score, explain: () => index.explain(call, company) }))
            .sort((a, b) => b.score - a.score),
        })),
        total: Math.round(solved.total * 100) / 100,
        evidence: {
          method: 'min-cost flow (successive shortest paths, npm min-cost-flow) on per-call candidate lists, certified by LP duality over all companies',
          optimal: solved.unproven.length === 0,
          rounds: round,
          candidatesPerCall: { min: Math.min(...sizes), max: Math.max(...sizes) },
          companiesConsidered: considered.size,
          companiesInIndex: index.size,
          unprovenCalls: solved.unproven.map((i) => calls[i]!.id),
        },
      };
    }
    for (const i of solved.unproven) sizes[i] = Math.min(sizes[i]! * 2, index.size);
  }
}
