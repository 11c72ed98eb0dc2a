import { describe, expect, it } from 'vitest';
import { isValidOrgNumber, withCheckDigit } from '../../../../shared/domain/org-number.js';

describe('isValidOrgNumber (MOD11, weights 3 2 7 6 5 4 3 2)', () => {
  it.each([
    ['974760673', 'Brønnøysundregistrene'],
    ['923609016', 'Equinor ASA'],
    ['985399077', 'a registered enterprise'],
  ])('accepts the real organisasjonsnummer %s (%s)', (value) => {
    expect(isValidOrgNumber(value)).toBe(true);
  });

  it.each(['974760674', '974760670', '923609015', '985399070'])('rejects %s, whose check digit is wrong', (value) => {
    expect(isValidOrgNumber(value)).toBe(false);
  });

  it('rejects every number whose first eight digits give check digit 10', () => {
    // 3·1 + 2·0 + … + 3·1 + 2·3 = 12; 12 mod 11 = 1; 11 − 1 = 10: no valid number starts 10000013.
    for (let last = 0; last <= 9; last++) expect(isValidOrgNumber(`10000013${last}`)).toBe(false);
  });

  it('maps a computed check digit of 11 to 0', () => {
    // 3·1 + 2·4 = 11; 11 mod 11 = 0; 11 − 0 = 11 → 0.
    expect(isValidOrgNumber('100000040')).toBe(true);
    expect(isValidOrgNumber('100000041')).toBe(false);
  });

  it.each([
    ['97476067', 'eight digits'],
    ['9747606730', 'ten digits'],
    ['97476067a', 'a letter'],
    ['974 760 673', 'spaces'],
    [' 974760673', 'a leading space'],
    ['-97476067', 'a sign'],
    ['', 'nothing'],
    ['９７４７６０６７３', 'full-width digits'],
  ])('rejects %j (%s)', (value) => {
    expect(isValidOrgNumber(value)).toBe(false);
  });
});

describe('withCheckDigit', () => {
  it('completes eight digits into a valid number', () => {
    expect(withCheckDigit('97476067')).toBe('974760673');
    expect(isValidOrgNumber(withCheckDigit('12345678')!)).toBe(true);
  });

  it('completes with 0 when the check digit computes to 11', () => {
    expect(withCheckDigit('10000004')).toBe('100000040');
  });

  it('gives nothing when the check digit would be 10', () => {
    expect(withCheckDigit('10000013')).toBeUndefined();
  });

  it('gives nothing for input that is not eight digits', () => {
    expect(withCheckDigit('9747606')).toBeUndefined();
    expect(withCheckDigit('9747606x')).toBeUndefined();
  });
});

describe("municipalities' organisasjonsnummer", () => {
  it('every municipality has a MOD11-valid number in the range Enhetsregisteret issues (8 or 9 first)', async () => {
    const { MUNICIPALITIES } = await import('../../../../shared/domain/municipalities.js');
    for (const m of MUNICIPALITIES) {
      expect(isValidOrgNumber(m.orgNumber), `${m.name} ${m.orgNumber}`).toBe(true);
      expect(m.orgNumber).toMatch(/^[89]/);
    }
    expect(new Set(MUNICIPALITIES.map((m) => m.orgNumber)).size).toBe(12);
    expect(MUNICIPALITIES.find((m) => m.code === '3114')!.ssbName).toBe('Våler (Østfold)');
  });
});
