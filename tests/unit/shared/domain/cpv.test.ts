import { describe, expect, it } from 'vitest';
import { CPV_DIVISIONS, cpvLabel, cpvSignificantDigits, isWellFormedCpv } from '../../../../shared/domain/cpv.js';

describe('isWellFormedCpv', () => {
  it.each(['72212000', '90500000', '03000000', '48000000', '98000000'])('accepts %s', (code) => {
    expect(isWellFormedCpv(code)).toBe(true);
  });

  it.each([
    ['7221200', 'seven digits'],
    ['722120001', 'nine digits'],
    ['72212000-5', 'the check digit appended'],
    ['7221200a', 'a letter'],
    [' 72212000', 'a leading space'],
    ['99000000', 'division 99, which does not exist'],
    ['00000000', 'division 00, which does not exist'],
    ['', 'nothing'],
  ])('rejects %j (%s)', (code) => {
    expect(isWellFormedCpv(code)).toBe(false);
  });

  it('knows the 45 CPV 2008 divisions', () => {
    expect(Object.keys(CPV_DIVISIONS)).toHaveLength(45);
  });
});

describe('cpvSignificantDigits', () => {
  it.each([
    ['72000000', 2],
    ['72200000', 3],
    ['72210000', 4],
    ['72212000', 5],
    ['72212100', 6],
    ['72212110', 7],
    ['72212111', 8],
    ['90500000', 3],
  ])('reads %s as %i significant digits from its trailing zeros', (code, digits) => {
    expect(cpvSignificantDigits(code)).toBe(digits);
  });

  it('never counts fewer digits than the division, even for a division ending in zero', () => {
    expect(cpvSignificantDigits('30000000')).toBe(2);
    expect(cpvSignificantDigits('90000000')).toBe(2);
  });

  it('keeps a zero inside the code significant', () => {
    expect(cpvSignificantDigits('45010001')).toBe(8);
  });
});

describe('cpvLabel', () => {
  it('describes a code by its labelled group', () => {
    expect(cpvLabel('72212000')).toBe('Programvareutvikling og rådgivning');
    expect(cpvLabel('72212000', 'en')).toBe('Software programming and consultancy services');
  });

  it('falls back to the division when the group has no label', () => {
    // Group 301 (office machinery) carries no label; division 30 does.
    expect(cpvLabel('30100000', 'en')).toBe(CPV_DIVISIONS['30']!.en);
    expect(cpvLabel('30100000')).toBe(CPV_DIVISIONS['30']!.nb);
  });

  it('labels a division-level code with its division', () => {
    expect(cpvLabel('72000000', 'en')).toBe('IT services: consulting, software development, Internet and support');
  });

  it('has no label for an unknown division', () => {
    expect(cpvLabel('99000000')).toBeUndefined();
  });
});
