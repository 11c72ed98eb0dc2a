/**
 * The typed-array slate solver (slate.ts) against the first one (slate-reference.ts, npm min-cost-flow
 * with a Bellman–Ford certificate) on random sparse instances larger than the exhaustive references
 * can take: same number of pairs and total, a certificate never weaker than the reference's, and a
 * certified pruned slate worth exactly the unpruned optimum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveSlate, type SlateCall } from '../../../../shared/matching/slate.js';
import { solveSlateReference } from './slate-reference.js';
import { certify } from '../../../../shared/matching/slate-certificate.js';
import { SlateGraph } from '../../../../shared/matching/slate-graph.js';

interface Instance {
  full: SlateCall[];
  pruned: SlateCall[];
  capacity: number[];
}

const cents = (score: number) => Math.round(score * 100);
const pairsAndCents = (r: { partners: number[][]; total: number }) => ({ pairs: r.partners.flat().length, cents: cents(r.total) + 0 });

/**
 * calls × companies with a random score for each pair (ties and zeros on purpose), lists sorted best
 * first, each call pruned to its own k with the best score left out as its bound; capacities 0–3.
 */
const instance = fc
  .record({
    calls: fc.integer({ min: 1, max: 24 }),
    companies: fc.integer({ min: 1, max: 30 }),
    partners: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .chain(({ calls, companies, partners }) =>
    fc.record({
      scores: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 500, 1000)), { minLength: companies, maxLength: companies }), {
        minLength: calls,
        maxLength: calls,
      }),
      keep: fc.array(fc.integer({ min: 1, max: companies }), { minLength: calls, maxLength: calls }),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: companies, maxLength: companies }),
      partners: fc.constant(partners),
    }),
  )
  .map(({ scores, keep, capacity, partners }): Instance => {
    const full = scores.map((row) => ({
      partners,
      candidates: row.map((c, company) => ({ company, score: c / 100 })).sort((a, b) => b.score - a.score || a.company - b.company),
      outsideBound: -1,
    }));
    const pruned = full.map((call, i) => ({ partners, candidates: call.candidates.slice(0, keep[i]), outsideBound: call.candidates[keep[i]!]?.score ?? -1 }));
    return { full, pruned, capacity };
  });

describe('solveSlate against the min-cost-flow reference', () => {
  it('same pairs and total on the full and on the pruned problem, 1–24 calls × 1–30 companies', () => {
    fc.assert(
      fc.property(instance, ({ full, pruned, capacity }) => {
        const cap = (c: number) => capacity[c]!;
        expect(pairsAndCents(solveSlate(full, cap))).toEqual(pairsAndCents(solveSlateReference(full, cap)));
        expect(pairsAndCents(solveSlate(pruned, cap))).toEqual(pairsAndCents(solveSlateReference(pruned, cap)));
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('proves every call the reference proves, and a fully proven pruned slate is worth the unpruned optimum', () => {
    fc.assert(
      fc.property(instance, ({ full, pruned, capacity }) => {
        const cap = (c: number) => capacity[c]!;
        const got = solveSlate(pruned, cap);
        const reference = solveSlateReference(pruned, cap);
        for (const i of got.unproven) expect(reference.unproven).toContain(i);
        if (got.unproven.length === 0) expect(pairsAndCents(got)).toEqual(pairsAndCents(solveSlateReference(full, cap)));
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});

describe('slate certificate', () => {
  it('proves nothing when the flow it is given is not optimal (the check can fail)', () => {
    // Company 0 is best for both calls but takes one: call 0 → 1 and call 1 → 0 (80 + 85 = 165) beats 90 + 40.
    const calls: SlateCall[] = [
      {
        partners: 1,
        candidates: [
          { company: 0, score: 90 },
          { company: 1, score: 80 },
        ],
        outsideBound: 1,
      },
      {
        partners: 1,
        candidates: [
          { company: 0, score: 85 },
          { company: 1, score: 40 },
        ],
        outsideBound: 1,
      },
    ];
    expect(solveSlate(calls, () => 1)).toMatchObject({ partners: [[1], [0]], total: 165, unproven: [] });
    // The worse assignment (call 0 → company 0, call 1 → company 1) with potentials of zero.
    const g = new SlateGraph(calls, () => 1);
    g.assign(0);
    g.assign(3);
    expect(certify(g, new Float64Array(g.sink + 1))).toEqual([0, 1]);
  });
});
