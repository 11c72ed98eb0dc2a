/** Shared fast-check arbitraries for the matching property tests. */
import fc from 'fast-check';
import type { MatchCall } from '../../../../shared/matching/score.js';
import type { MatchProfile } from '../../../../shared/matching/match-index.js';

/** A small vocabulary so random documents share terms; "sensor/sensorer" meet after stemming. */
export const VOCAB = [
  'sensor',
  'sensorer',
  'sensoren',
  'vann',
  'kvalitet',
  'vannkvalitet',
  'energi',
  'lading',
  'ladepunkt',
  'parkering',
  'sanntid',
  'data',
  'plattform',
  'helse',
  'velferd',
  'trygghet',
  'skole',
  'læring',
  'avfall',
  'sortering',
  'drone',
  'kart',
  'bølge',
  'støy',
  'luft',
  'sykkel',
  'buss',
  'app',
  'analyse',
  'rådgivning',
] as const;
/** Words only companies use, so some share nothing with any call. */
export const COMPANY_ONLY = ['regnskap', 'frisør', 'bakeri', 'rørlegger', 'maling'] as const;

export const text = (vocab: readonly string[], max = 12) => fc.array(fc.constantFrom(...vocab), { maxLength: max }).map((ws) => ws.join(' '));

export const cpvCode = fc.constantFrom(
  '72000000',
  '72200000',
  '72212000',
  '72213000',
  '72300000',
  '48000000',
  '48180000',
  '48181000',
  '90700000',
  '90711000',
  '90713000',
  '38344000',
  '31520000',
  '71314000',
);
/** Codes in divisions no call uses, for companies that share no CPV area. */
export const otherCpvCode = fc.constantFrom('15000000', '03000000', '45310000');

export const municipality = fc.constantFrom<string | undefined>('3101', '3103', '3105', '3107', '3110', '3124', '0301', undefined);

export const profile = fc.record({
  description: fc.oneof(text(VOCAB), text(COMPANY_ONLY, 4)),
  capabilities: fc.array(fc.constantFrom(...VOCAB, ...COMPANY_ONLY), { maxLength: 4 }),
  cpvCodes: fc.oneof(fc.array(cpvCode, { maxLength: 3 }), fc.array(otherCpvCode, { maxLength: 2 })),
  municipalityCode: municipality,
  sme: fc.boolean(),
  capacity: fc.integer({ min: 1, max: 3 }),
});

/** Profiles with distinct organisation numbers (in random order, so index order ≠ org order). */
export const profiles = (min: number, max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 100_000_000, max: 999_999_999 }), { minLength: min, maxLength: max })
    .chain((orgs) => fc.tuple(fc.constant(orgs), fc.array(profile, { minLength: orgs.length, maxLength: orgs.length })))
    .map(([orgs, ps]): MatchProfile[] => ps.map((p, i) => ({ ...p, orgNumber: String(orgs[i]), name: `Firma ${i}` })));

export const call = fc.record({
  id: fc.constant('c'),
  title: text(VOCAB, 3),
  summary: text(VOCAB, 5),
  description: text([...VOCAB, 'og', 'kommunen', 'ønsker'], 15),
  cpvCodes: fc.array(cpvCode, { maxLength: 3 }),
  municipalityCode: fc.constantFrom('3101', '3103', '3105', '3107', '3110', '3124'),
  // Every combination of procedure default and explicit preference, so both baseline orders are exercised.
  procedure: fc.constantFrom(undefined, 'market-dialogue', 'innovation-partnership'),
  matchPreferences: fc.option(fc.record({ locality: fc.option(fc.boolean(), { nil: undefined }), sme: fc.option(fc.boolean(), { nil: undefined }) }), {
    nil: undefined,
  }),
}) satisfies fc.Arbitrary<MatchCall>;
