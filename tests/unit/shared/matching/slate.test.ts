/**
 * Optimality of the partner slate against independent solvers: munkres (Hungarian algorithm) for one
 * partner per call, exhaustive search for more. solveSlate maximises the number of pairs first (max
 * flow), then the total score; the references compare lexicographically (pairs, total in hundredths).
 */
import fc from 'fast-check';
import munkres from 'munkres';
import { describe, expect, it } from 'vitest';
import { solveSlate, type SlateCall, type SlateResult } from '../../../../shared/matching/slate.js';
import { proposeSlate } from '../../../../shared/matching/propose-slate.js';
import { MatchIndex } from '../../../../shared/matching/match-index.js';
import { generateCompanies } from '../../../../infra/local/generate/companies.js';
import { generateCalls } from '../../../../infra/local/generate/calls.js';
import { call as callArb, profiles } from './arbitraries.js';

const cents = (score: number) => Math.round(score * 100);

interface Instance {
  /** scores[call][company], two decimals. */
  scores: number[][];
  capacity: number[];
  partners: number[];
}

interface Optimum {
  pairs: number;
  cents: number;
}

/** Partners = 1: rows = calls, one column per company capacity slot; munkres minimises cost. */
function munkresOptimum({ scores, capacity }: Instance): Optimum {
  const slots = capacity.flatMap((cap, company) => Array.from({ length: cap }, () => company));
  // A large constant makes every pair worth more than any score difference: pairs first, then score.
  const BIG = 1_000_000;
  const cost = scores.map((row) => slots.map((company) => BIG - cents(row[company]!)));
  const assignment = munkres(cost);
  let total = 0;
  for (const [call, slot] of assignment) total += cents(scores[call]![slots[slot]!]!);
  return { pairs: assignment.length, cents: total };
}

/** Any partner count: dynamic programming over the companies' remaining capacities, call by call. */
function exhaustiveOptimum({ scores, capacity, partners }: Instance): Optimum {
  const value = (pairs: number, c: number) => pairs * 1e8 + c;
  let states = new Map<string, number>([[capacity.join(','), 0]]);
  scores.forEach((row, call) => {
    const next = new Map<string, number>();
    for (const [key, v] of states) {
      const left = key.split(',').map(Number);
      const choose = (company: number, chosen: number, acc: number) => {
        if (company === left.length || chosen === partners[call]) {
          const k = left.join(',');
          if ((next.get(k) ?? -1) < acc) next.set(k, acc);
          return;
        }
        choose(company + 1, chosen, acc);
        if (left[company]! > 0) {
          left[company]!--;
          choose(company + 1, chosen + 1, acc + value(1, cents(row[company]!)));
          left[company]!++;
        }
      };
      choose(0, 0, v);
    }
    states = next;
  });
  const best = Math.max(...states.values());
  return { pairs: Math.floor(best / 1e8), cents: best % 1e8 };
}

/** Every company as a candidate, best first; nothing is outside. */
const allCandidates = ({ scores, partners }: Instance): SlateCall[] =>
  scores.map((row, i) => ({
    partners: partners[i]!,
    candidates: row.map((score, company) => ({ company, score })).sort((a, b) => b.score - a.score || a.company - b.company),
    outsideBound: -1,
  }));

/** The checks every slate must pass; returns its (pairs, total). */
function checkFeasible(result: SlateResult, calls: readonly SlateCall[], capacity: (c: number) => number): Optimum {
  expect(result.partners).toHaveLength(calls.length);
  const load = new Map<number, number>();
  let total = 0;
  result.partners.forEach((chosen, i) => {
    expect(chosen.length).toBeLessThanOrEqual(calls[i]!.partners);
    expect(new Set(chosen).size).toBe(chosen.length); // no company twice on one call
    for (const company of chosen) {
      const candidate = calls[i]!.candidates.find((c) => c.company === company);
      expect(candidate).toBeDefined(); // only candidates are chosen
      total += cents(candidate!.score);
      load.set(company, (load.get(company) ?? 0) + 1);
    }
  });
  for (const [company, n] of load) expect(n).toBeLessThanOrEqual(capacity(company));
  // `+ 0` folds a −0 total (an empty slate) into 0.
  expect(cents(result.total) + 0).toBe(total);
  return { pairs: result.partners.flat().length, cents: total };
}

const score2 = fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100);
/** Mostly distinct scores, sometimes many ties and zeros. */
const scoreCell = fc.oneof({ weight: 3, arbitrary: score2 }, { weight: 1, arbitrary: fc.constantFrom(0, 5, 10, 50) });

const instance = (maxCalls: number, maxCompanies: number, maxPartners: number) =>
  fc
    .record({
      calls: fc.integer({ min: 1, max: maxCalls }),
      companies: fc.integer({ min: 1, max: maxCompanies }),
      partners: fc.integer({ min: 1, max: maxPartners }),
    })
    .chain(({ calls, companies, partners }) =>
      fc.record({
        scores: fc.array(fc.array(scoreCell, { minLength: companies, maxLength: companies }), { minLength: calls, maxLength: calls }),
        capacity: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: companies, maxLength: companies }),
        partners: fc.constant(Array.from({ length: calls }, () => partners)),
      }),
    );

describe('solveSlate optimality against independent solvers', () => {
  it('one partner per call: same (pairs, total) as munkres on 1–8 calls × 1–12 companies', () => {
    fc.assert(
      fc.property(instance(8, 12, 1), (inst) => {
        const calls = allCandidates(inst);
        const cap = (c: number) => inst.capacity[c]!;
        const got = checkFeasible(solveSlate(calls, cap), calls, cap);
        expect(got).toEqual(munkresOptimum(inst));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('1–3 partners per call: same (pairs, total) as exhaustive search on 1–5 calls × 1–7 companies', () => {
    fc.assert(
      fc.property(instance(5, 7, 3), (inst) => {
        const calls = allCandidates(inst);
        const cap = (c: number) => inst.capacity[c]!;
        const got = checkFeasible(solveSlate(calls, cap), calls, cap);
        expect(got).toEqual(exhaustiveOptimum(inst));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('the two references agree with each other (sanity of the test itself)', () => {
    fc.assert(
      fc.property(instance(4, 6, 1), (inst) => {
        expect(munkresOptimum(inst)).toEqual(exhaustiveOptimum(inst));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a hand example: capacity forces the second-best call to yield', () => {
    // Company 0 is best for both calls but can take one; call 0 loses less by taking company 1.
    const calls: SlateCall[] = [
      {
        partners: 1,
        candidates: [
          { company: 0, score: 90 },
          { company: 1, score: 80 },
        ],
        outsideBound: -1,
      },
      {
        partners: 1,
        candidates: [
          { company: 0, score: 85 },
          { company: 1, score: 40 },
        ],
        outsideBound: -1,
      },
    ];
    const r = solveSlate(calls, () => 1);
    expect(r.partners).toEqual([[1], [0]]);
    expect(r.total).toBe(165);
  });
});

describe('solveSlate certificate', () => {
  it('with every company as a candidate (nothing outside), every call is proven', () => {
    fc.assert(
      fc.property(instance(5, 7, 3), (inst) => {
        expect(solveSlate(allCandidates(inst), (c) => inst.capacity[c]!).unproven).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('when it proves a slate on truncated candidate lists, the slate is optimal over all companies', () => {
    fc.assert(
      fc.property(
        instance(5, 7, 3).chain((inst) =>
          fc.tuple(
            fc.constant(inst),
            fc.array(fc.integer({ min: 1, max: inst.capacity.length }), { minLength: inst.scores.length, maxLength: inst.scores.length }),
          ),
        ),
        ([inst, keep]) => {
          const cap = (c: number) => inst.capacity[c]!;
          const full = allCandidates(inst);
          // Each call keeps its top k; the bound is the best score left out (−1 when none is).
          const pruned = full.map((call, i) => ({
            partners: call.partners,
            candidates: call.candidates.slice(0, keep[i]),
            outsideBound: call.candidates[keep[i]!]?.score ?? -1,
          }));
          const result = solveSlate(pruned, cap);
          const got = checkFeasible(result, pruned, cap);
          if (result.unproven.length === 0) expect(got).toEqual(exhaustiveOptimum(inst));
        },
      ),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('does not certify a call that is short of partners while a zero-score company outside could fill it (minimal case)', () => {
    // Found by the property above. Scores: call 0 → [7.34, 4.34, 4.64], call 1 → [0, 6.56, 0]; capacities
    // [1, 2, 1]; two partners per call. Call 1 keeps only company 1; every company it left out scores 0.
    const pruned: SlateCall[] = [
      {
        partners: 2,
        candidates: [
          { company: 0, score: 7.34 },
          { company: 2, score: 4.64 },
          { company: 1, score: 4.34 },
        ],
        outsideBound: -1,
      },
      { partners: 2, candidates: [{ company: 1, score: 6.56 }], outsideBound: 0 },
    ];
    const capacity = [1, 2, 1];
    const result = solveSlate(pruned, (c) => capacity[c]!);
    // Pruned optimum: 3 pairs, 18.54. Over all companies: call 0 → {0, 1}, call 1 → {1, 2}: 4 pairs, 18.24.
    expect(
      exhaustiveOptimum({
        scores: [
          [7.34, 4.34, 4.64],
          [0, 6.56, 0],
        ],
        capacity,
        partners: [2, 2],
      }),
    ).toEqual({ pairs: 4, cents: 1824 });
    expect(result.partners.flat()).toHaveLength(3);
    expect(result.unproven).toContain(1);
  });
});

describe('proposeSlate', () => {
  const now = new Date('2026-01-15T12:00:00Z');

  it('(pruned + certified) gives the same total as solving with every company as a candidate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        (count, seed, callCount, partnersPerCall) => {
          const index = new MatchIndex(generateCompanies(count, seed));
          const calls = generateCalls(callCount, seed, now);
          const slate = proposeSlate(index, calls, { partnersPerCall });
          expect(slate.evidence.optimal).toBe(true);
          expect(slate.evidence.unprovenCalls).toEqual([]);

          const capacity = (c: number) => index.companies[c]!.capacity;
          const full: SlateCall[] = calls.map((call) => ({ partners: partnersPerCall, candidates: index.rank(call, index.size), outsideBound: -1 }));
          const reference = solveSlate(full, capacity);
          expect(slate.total + 0).toBe(Math.round(reference.total * 100) / 100 + 0);
          expect(slate.items.flatMap((i) => i.partners)).toHaveLength(reference.partners.flat().length);

          // Feasible, and each partner's score is the pair's score.
          const load = new Map<number, number>();
          slate.items.forEach((item) => {
            expect(item.partners.length).toBeLessThanOrEqual(partnersPerCall);
            expect(new Set(item.partners.map((p) => p.company)).size).toBe(item.partners.length);
            for (const p of item.partners) {
              load.set(p.company, (load.get(p.company) ?? 0) + 1);
              expect(p.score).toBe(p.explain().score);
            }
          });
          for (const [c, n] of load) expect(n).toBeLessThanOrEqual(capacity(c));
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('on small, contended random indices (lists grow to every company; zero-score companies) matches the full solve', () => {
    fc.assert(
      fc.property(
        profiles(1, 10),
        fc.array(callArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        (ps, calls, partnersPerCall, initialCandidates) => {
          const index = new MatchIndex(ps);
          const named = calls.map((c, i) => ({ ...c, id: `call-${i}` }));
          const slate = proposeSlate(index, named, { partnersPerCall, initialCandidates });
          const capacity = (c: number) => index.companies[c]!.capacity;
          const reference = solveSlate(
            named.map((call) => ({ partners: partnersPerCall, candidates: index.rank(call, index.size), outsideBound: -1 })),
            capacity,
          );
          expect({
            optimal: slate.evidence.optimal,
            pairs: slate.items.flatMap((i) => i.partners).length,
            total: slate.total + 0,
          }).toEqual({
            optimal: true,
            pairs: reference.partners.flat().length,
            total: Math.round(reference.total * 100) / 100 + 0,
          });
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
