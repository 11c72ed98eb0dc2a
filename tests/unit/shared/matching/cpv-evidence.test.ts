import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestCpvEvidence, cpvNodes, cpvPairEvidence, rarity } from '../../../../shared/matching/cpv-evidence.js';

/** CPV statistics of a small population: node → companies holding a code at or below it. */
function stats(population: string[][]) {
  const df = new Map<string, number>();
  for (const codes of population) for (const n of cpvNodes(codes)) df.set(n, (df.get(n) ?? 0) + 1);
  return { docCount: population.length, cpvDf: (n: string) => df.get(n) ?? 0 };
}

describe('cpvPairEvidence', () => {
  it('the same code is full evidence', () => {
    expect(cpvPairEvidence('90511000', '90511000')).toMatchObject({ level: 'code', node: '90511' });
  });

  it('a broader company code covers a precise call code (not a bare division)', () => {
    expect(cpvPairEvidence('90511000', '90500000')).toMatchObject({ level: 'covers', node: '905' });
    expect(cpvPairEvidence('72212000', '72000000')).toBeUndefined();
  });

  it('siblings that name different markets give nothing (the issue: hydrology vs map-making, library vs medical software)', () => {
    expect(cpvPairEvidence('71351920', '71354000')).toBeUndefined();
    expect(cpvPairEvidence('48161000', '48180000')).toBeUndefined();
    expect(cpvPairEvidence('48161000', '48190000')).toBeUndefined();
    expect(cpvPairEvidence('72212000', '72220000')).toBeUndefined();
  });

  it('siblings in a class declared coherent count at half strength', () => {
    expect(cpvPairEvidence('90511000', '90512000')).toMatchObject({ level: 'class', node: '9051', factor: 0.5 });
  });
});

describe('rarity', () => {
  it('is 1 for a code one company holds and falls as more hold it', () => {
    expect(rarity(1, 400)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1000 }), fc.integer({ min: 1, max: 999 }), (n, k) => {
        const df = Math.min(k, n - 1);
        expect(rarity(df + 1, n)).toBeLessThanOrEqual(rarity(df, n));
        expect(rarity(df, n)).toBeGreaterThanOrEqual(0);
        expect(rarity(df, n)).toBeLessThanOrEqual(1);
      }),
    );
    expect(rarity(0, 400)).toBe(0);
  });
});

describe('bestCpvEvidence', () => {
  it('a code hundreds of companies carry says little; a precise shared code says much', () => {
    const population = [
      ...Array.from({ length: 300 }, () => ['72212000']),
      ['72212000', '90511000'],
      ['90511000'],
      ...Array.from({ length: 100 }, () => ['45000000']),
    ];
    const s = stats(population);
    const generic = bestCpvEvidence(['72212000'], ['72212000'], s)!;
    const precise = bestCpvEvidence(['90511000'], ['90511000'], s)!;
    expect(precise.strength).toBeGreaterThan(0.75);
    expect(generic.strength).toBeLessThan(0.1);
    // The best code wins for a company holding both.
    expect(bestCpvEvidence(['39100000', '90511000', '72212000'], ['72212000', '90511000'], s)).toMatchObject({ callCode: '90511000' });
  });

  it('is undefined without codes', () => {
    expect(bestCpvEvidence([], ['72212000'], stats([['72212000']]))).toBeUndefined();
  });
});
