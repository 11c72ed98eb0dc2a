import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cpvAncestors,
  cpvCodeCount,
  cpvLabel,
  cpvParent,
  cpvSignificantDigits,
  isOfficialCpv,
  isRdServicesCode,
  nearestCpvCodes,
  parseCpvInput,
  searchCpv,
} from '../../../../shared/domain/cpv.js';

describe('the official CPV 2008 list', () => {
  it("holds every code of DFØ's list, with the attribution in its header", () => {
    expect(cpvCodeCount()).toBe(9454);
    const data = JSON.parse(readFileSync(new URL('../../../../shared/data/cpv-2008.json', import.meta.url), 'utf8'));
    expect(data.attribution).toBe('CPV-koder og norske betegnelser: DFØ, eforms-sdk-nor, CC BY 4.0');
    expect(data.changes).toMatch(/cpv-overrides\.json/);
  });

  it.each(['72212000', '03000000', '48813200', '73120000', '38730000'])('has %s', (code) => {
    expect(isOfficialCpv(code)).toBe(true);
  });

  it.each([
    ['72999999', 'eight digits under a known division, but no such code'],
    ['99000000', 'division 99, which does not exist'],
    ['72212000-4', 'the check digit (parse it first)'],
    ['7221200', 'seven digits'],
    ['', 'nothing'],
  ])('has no %j (%s)', (code) => {
    expect(isOfficialCpv(code)).toBe(false);
  });

  it("labels each code with its own official label, not an ancestor's", () => {
    expect(cpvLabel('38730000', 'en')).toBe('Parking meters');
    expect(cpvLabel('38700000')).toBe('Tidsmålere og liknende; parkometer');
    expect(cpvLabel('72212000')).toBe('Programmering i forbindelse med applikasjonsprogrammer');
    expect(cpvLabel('48813200')).toBe('System for passasjerinformasjon i sanntid');
    expect(cpvLabel('72500000')).toBe('Datamaskinrelaterte tjenester');
    expect(cpvLabel('99000000')).toBeUndefined();
  });

  it('applies the reviewed overrides: each corrects the source label it quotes, for a reason', () => {
    const { overrides } = JSON.parse(readFileSync(new URL('../../../../shared/data/cpv-overrides.json', import.meta.url), 'utf8')) as {
      overrides: { code: string; from: string; nb: string; reason: string }[];
    };
    expect(overrides.length).toBeGreaterThan(0);
    for (const o of overrides) {
      expect(cpvLabel(o.code)).toBe(o.nb);
      expect(o.nb).not.toBe(o.from);
      expect(o.reason.length).toBeGreaterThan(10);
    }
    expect(cpvLabel('38730000')).toBe('Parkometre');
    expect(cpvLabel('24000000')).toBe('Kjemiske produkter');
  });
});

describe('parseCpvInput', () => {
  it.each([
    ['72212000', '72212000'],
    ['72212000-9', '72212000'],
    [' 72212000-4 ', '72212000'],
  ])('reads %j as %s', (input, code) => {
    expect(parseCpvInput(input)).toBe(code);
  });

  it.each(['7221200', '722120001', '72212000-', '72212000-45', '7221200a'])('refuses %j', (input) => {
    expect(parseCpvInput(input)).toBeUndefined();
  });
});

describe('hierarchy', () => {
  it('finds the nearest listed ancestor, skipping levels the list does not have', () => {
    expect(cpvParent('72212000')).toBe('72210000');
    expect(cpvAncestors('72212000')).toEqual(['72000000', '72200000', '72210000']);
    expect(cpvParent('72000000')).toBeUndefined();
  });
});

describe('nearestCpvCodes', () => {
  it('names the nearest listed ancestor first, then close listed codes', () => {
    const near = nearestCpvCodes('72999999');
    expect(near[0]).toBe('72900000');
    expect(near).toHaveLength(3);
    expect(near.every(isOfficialCpv)).toBe(true);
  });

  it('still names listed codes for a division that does not exist', () => {
    expect(nearestCpvCodes('99000000').every(isOfficialCpv)).toBe(true);
  });
});

describe('searchCpv', () => {
  it('finds by code prefix in list order, with the hierarchy above each hit', () => {
    const hits = searchCpv('7221', 'en', 3);
    expect(hits.map((h) => h.code)).toEqual(['72210000', '72211000', '72212000']);
    expect(hits[2]!.path.map((p) => p.code)).toEqual(['72000000', '72200000', '72210000']);
    expect(hits[2]!.label).toBe('Programming services of application software');
  });

  it('finds by a bokmål word inside compounds', () => {
    expect(searchCpv('sanntid', 'nb').map((h) => h.code)).toContain('48813200');
  });

  it('finds by English words', () => {
    expect(searchCpv('parking meters', 'en', 5).map((h) => h.code)).toContain('38730000');
  });

  it('answers a word in the other language, in the asked language', () => {
    const hit = searchCpv('passenger information', 'nb', 5).find((h) => h.code === '48813200');
    expect(hit?.label).toBe('System for passasjerinformasjon i sanntid');
  });
});

describe('cpvSignificantDigits', () => {
  it.each([
    ['72000000', 2],
    ['72200000', 3],
    ['72210000', 4],
    ['72212000', 5],
    ['72212100', 6],
    ['30000000', 2],
    ['45010001', 8],
  ])('reads %s as %i significant digits', (code, digits) => {
    expect(cpvSignificantDigits(code)).toBe(digits);
  });
});

describe('R&D services codes (pre-commercial procurement)', () => {
  it.each(['73000000', '73100000', '73110000', '73111000', '73112000', '73120000', '73300000', '73420000', '73430000'])('%s is one', (code) => {
    expect(isOfficialCpv(code)).toBe(true);
    expect(isRdServicesCode(code)).toBe(true);
  });

  it.each(['73200000', '73210000', '73400000', '72212000'])('%s is not', (code) => {
    expect(isRdServicesCode(code)).toBe(false);
  });
});
