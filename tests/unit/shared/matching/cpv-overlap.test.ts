import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestCpvOverlap, bestCpvStrength, cpvPairOverlap } from '../../../../shared/matching/cpv-overlap.js';

describe('cpvPairOverlap', () => {
  it.each([
    ['72212000', '72212000', 'code', 1, '72212000'],
    ['72212000', '72213000', 'class', 0.75, '7221'],
    ['72212000', '72220000', 'group', 0.5, '722'],
    ['72212000', '72300000', 'division', 0.25, '72'],
    ['48180000', '48181000', 'class', 0.75, '4818'],
    ['48180000', '48190000', 'group', 0.5, '481'],
    ['90700000', '90711000', 'group', 0.5, '907'],
  ] as const)('%s vs %s → %s (%s)', (a, b, level, strength, shared) => {
    expect(cpvPairOverlap(a, b)).toMatchObject({ level, strength, shared, callCode: a, companyCode: b });
    expect(cpvPairOverlap(b, a)).toMatchObject({ level, strength, shared });
  });

  it('a broad division code against a specific code in it shares only the division', () => {
    expect(cpvPairOverlap('72000000', '72212000')).toMatchObject({ level: 'division', strength: 0.25, shared: '72' });
    expect(cpvPairOverlap('72212000', '72000000')).toMatchObject({ level: 'division', strength: 0.25 });
    expect(cpvPairOverlap('72000000', '72000000')).toMatchObject({ level: 'code', strength: 1 });
  });

  it('a group code against a code below it shares the group', () => {
    expect(cpvPairOverlap('72200000', '72212000')).toMatchObject({ level: 'group', strength: 0.5 });
  });

  it('finds nothing across divisions', () => {
    expect(cpvPairOverlap('72212000', '48212000')).toBeUndefined();
    expect(cpvPairOverlap('72000000', '71000000')).toBeUndefined();
    expect(cpvPairOverlap('03000000', '30000000')).toBeUndefined();
  });
});

/** Random CPV-like codes from a few divisions, with structure (trailing zeros) so all levels occur. */
const cpvCode = fc
  .tuple(fc.constantFrom('72', '71', '48', '90'), fc.array(fc.constantFrom('0', '1', '2', '3'), { minLength: 6, maxLength: 6 }), fc.integer({ min: 0, max: 6 }))
  .map(([div, digits, zeros]) => (div + digits.join('')).slice(0, 8 - zeros).padEnd(8, '0'));
const codes = fc.array(cpvCode, { maxLength: 5 });

describe('bestCpvStrength', () => {
  it('equals bestCpvOverlap(...)?.strength ?? 0 on random code lists', () => {
    fc.assert(
      fc.property(codes, codes, (a, b) => {
        expect(bestCpvStrength(a, b)).toBe(bestCpvOverlap(a, b)?.strength ?? 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is symmetric in strength', () => {
    fc.assert(
      fc.property(codes, codes, (a, b) => {
        expect(bestCpvStrength(a, b)).toBe(bestCpvStrength(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('is 0 when either side has no codes', () => {
    expect(bestCpvStrength([], ['72212000'])).toBe(0);
    expect(bestCpvStrength(['72212000'], [])).toBe(0);
    expect(bestCpvOverlap([], [])).toBeUndefined();
  });
});
