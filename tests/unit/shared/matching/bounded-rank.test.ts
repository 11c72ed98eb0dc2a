import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../../../shared/matching/match-index.js';
import { call as callArb, profile, profiles } from './arbitraries.js';

describe('MatchIndex.topK (bounded ranking for the slate)', () => {
  it('gives exactly the list rank gives, for several calls in a row on one index (buffers reused)', () => {
    fc.assert(
      fc.property(profiles(1, 80), fc.array(fc.tuple(callArb, fc.integer({ min: 1, max: 90 })), { minLength: 1, maxLength: 5 }), (ps, calls) => {
        const index = new MatchIndex(ps);
        for (const [call, n] of calls) expect(index.topK(call, n)).toEqual(index.rank(call, n));
      }),
      { numRuns: 300 },
    );
  });

  it('breaks ties by organisation number like rank when many companies score the same', () => {
    // The same few profiles many times over: every score is shared by many companies.
    const twins = fc
      .tuple(fc.array(profile, { minLength: 1, maxLength: 4 }), fc.integer({ min: 5, max: 40 }))
      .map(([few, copies]) =>
        Array.from({ length: few.length * copies }, (_, i) => ({ ...few[i % few.length]!, orgNumber: String(900_000_000 - i * 7), name: `Firma ${i}` })),
      );
    fc.assert(
      fc.property(twins, callArb, fc.integer({ min: 1, max: 30 }), (ps, call, n) => {
        const index = new MatchIndex(ps);
        expect(index.topK(call, n)).toEqual(index.rank(call, n));
      }),
      { numRuns: 200 },
    );
  });

  it('puts the companies with the rare, heavily weighted word first, as rank does, skipping the rest by their BM25', () => {
    // One rare, heavily weighted word and a common one: once the five with the rare word are in, everyone
    // else is below the floor on the first comparison.
    const ps = Array.from({ length: 400 }, (_, i) => ({
      orgNumber: String(100_000_000 + i),
      name: `Firma ${i}`,
      cpvCodes: [],
      description: i < 5 ? 'drone drone drone kart' : 'kart',
    }));
    const index = new MatchIndex(ps);
    const call = { id: 'c', title: 'drone drone', summary: 'drone', description: 'kart', cpvCodes: [], municipalityCode: '3101' };
    expect(index.topK(call, 3)).toEqual(index.rank(call, 3));
    expect(index.topK(call, 3).map((r) => r.company)).toEqual([0, 1, 2]);
  });
});
