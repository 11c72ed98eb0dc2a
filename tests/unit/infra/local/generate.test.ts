import { describe, expect, it } from 'vitest';
import { generateCalls } from '../../../../infra/local/generate/calls.js';
import { generateCompanies } from '../../../../infra/local/generate/companies.js';
import { isWellFormedCpv } from '../../../../shared/domain/cpv.js';
import { isMunicipalityCode } from '../../../../shared/domain/municipalities.js';
import { isValidOrgNumber } from '../../../../shared/domain/org-number.js';
import { DOMAINS, PROCEDURES } from '../../../../shared/domain/vocabulary.js';

const NOW = new Date('2030-01-15T08:30:00.000Z');

describe('generateCompanies', () => {
  it('is deterministic: same seed, same companies', () => {
    expect(generateCompanies(300, 42)).toEqual(generateCompanies(300, 42));
  });

  it('gives different companies for different seeds', () => {
    expect(generateCompanies(50, 1)).not.toEqual(generateCompanies(50, 2));
  });

  it('generates 10,000 companies with unique, MOD11-valid org numbers and unique names', () => {
    const companies = generateCompanies(10_000, 7);
    expect(companies).toHaveLength(10_000);
    const orgs = companies.map((c) => c.orgNumber);
    expect(new Set(orgs).size).toBe(orgs.length);
    expect(orgs.every(isValidOrgNumber)).toBe(true);
    expect(new Set(companies.map((c) => c.name)).size).toBe(companies.length);
  });

  it('produces well-formed profiles', () => {
    const companies = generateCompanies(2_000, 11);
    for (const c of companies) {
      expect(c.cpvCodes.length).toBeGreaterThanOrEqual(1);
      expect(c.cpvCodes.length).toBeLessThanOrEqual(4);
      expect(c.cpvCodes.every(isWellFormedCpv)).toBe(true);
      expect(new Set(c.cpvCodes).size).toBe(c.cpvCodes.length);
      expect(c.capabilities.length).toBeGreaterThanOrEqual(3);
      expect(c.capabilities.length).toBeLessThanOrEqual(6);
      expect(new Set(c.capabilities).size).toBe(c.capabilities.length);
      expect(c.name).toMatch(/ \(demo\)$/);
      expect(c.description.length).toBeGreaterThan(40);
      expect([1, 2, 3]).toContain(c.capacity);
      if (c.municipalityCode !== undefined) expect(isMunicipalityCode(c.municipalityCode)).toBe(true);
    }
    const local = companies.filter((c) => c.municipalityCode !== undefined).length / companies.length;
    const sme = companies.filter((c) => c.sme).length / companies.length;
    expect(local).toBeGreaterThan(0.7);
    expect(local).toBeLessThan(0.8);
    expect(sme).toBeGreaterThan(0.8);
    expect(sme).toBeLessThan(0.9);
  });
});

describe('generateCalls', () => {
  it('is deterministic: same seed and clock, same calls', () => {
    expect(generateCalls(150, 3, NOW)).toEqual(generateCalls(150, 3, NOW));
  });

  it('generates 150 open calls with ULID-like ids, future deadlines and valid vocabularies', () => {
    const calls = generateCalls(150, 3, NOW);
    expect(calls).toHaveLength(150);
    expect(new Set(calls.map((c) => c.id)).size).toBe(150);
    for (const call of calls) {
      expect(call.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(call.title.length).toBeGreaterThan(0);
      expect(call.summary.length).toBeGreaterThanOrEqual(10);
      expect(call.description.length).toBeGreaterThanOrEqual(10);
      expect(call.domains.length).toBeGreaterThanOrEqual(1);
      expect(call.domains.length).toBeLessThanOrEqual(2);
      expect(call.domains.every((d) => (DOMAINS as readonly string[]).includes(d))).toBe(true);
      expect(call.cpvCodes.length).toBeGreaterThanOrEqual(1);
      expect(call.cpvCodes.length).toBeLessThanOrEqual(3);
      expect(call.cpvCodes.every(isWellFormedCpv)).toBe(true);
      expect(isMunicipalityCode(call.municipalityCode)).toBe(true);
      expect(PROCEDURES).toContain(call.procedure);
      expect(new Date(call.deadline).getTime()).toBeGreaterThan(NOW.getTime());
    }
  });
});
