/**
 * The key condition the search rule derives must never lose a match: every partition it names for a
 * search holds every call that matches the search (the filter then does the rest).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  callPartitions,
  matchesCallSearch,
  searchPartitions,
  searchWords,
  textWords,
  wordKey,
  type CallSearch,
} from '../../../../shared/domain/call-search.js';

const WORDS = ['sensorer', 'søppelkasser', 'gatelys', 'lading', 'billading', 'kommunen', 'for', 'med', 'app', 'øra', 'vann', 'Vannmåler,', 'ÆRE'];
const callArb = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  summary: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((w) => w.join(' ')),
  description: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(', ')),
  municipalityCode: fc.constantFrom('3101', '3107', '0301', '4601'),
  domains: fc.uniqueArray(fc.constantFrom('energy', 'mobility', 'environment'), { minLength: 1, maxLength: 2 }),
  cpvCodes: fc.uniqueArray(fc.constantFrom('48000000', '48813200', '90500000', '34996000'), { maxLength: 3 }),
});
const searchArb: fc.Arbitrary<CallSearch> = fc.record(
  {
    words: fc.array(fc.constantFrom('sens', 'søp', 'gat', 'lad', 'bil', 'ko', 'for', 'vann', 'æ', 'øra', 'app'), { minLength: 1, maxLength: 3 }),
    municipality: fc.constantFrom('3101', '3107', '0301'),
    county: fc.constantFrom('31', '03', '46'),
    domain: fc.constantFrom('energy', 'mobility'),
    cpvPrefix: fc.constantFrom('48', '4881', '90', '3499'),
  },
  { requiredKeys: [] },
);

describe('partitions derived from the search rule', () => {
  it('every partition named for a search holds every call that matches it', () => {
    fc.assert(
      fc.property(callArb, searchArb, (call, search) => {
        if (!matchesCallSearch(search, call)) return;
        const listed = new Set(callPartitions(call));
        for (const p of searchPartitions(search)) expect(listed.has(p), `${p} of ${JSON.stringify(search)}`).toBe(true);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('names a place first, then words, and falls back to every published call', () => {
    expect(searchPartitions({})).toEqual(['A']);
    expect(searchPartitions({ domain: 'energy', county: '31', municipality: '3107' })[0]).toBe('M#3107');
    expect(searchPartitions({ words: ['lad', 'sensorer'], domain: 'energy' })[0]).toBe('W#sen');
    // A place before a word: its partition does not grow when other regions join.
    expect(searchPartitions({ words: ['lading'], county: '31' }).slice(0, 2)).toEqual(['CW#31#lad', 'C#31']);
    // Function words and words shorter than the key have no partition of their own.
    expect(searchPartitions({ words: ['for', 'ko'] })).toEqual(['A']);
    expect(wordKey('kommunen')).toBeUndefined();
  });

  it('matches word beginnings, not the middle of a compound, and splits at punctuation', () => {
    const call = { title: 'Smarte vannmålere', summary: 'Billading, i sentrum.', description: '', municipalityCode: '3107', domains: ['energy'], cpvCodes: [] };
    expect(matchesCallSearch({ words: searchWords('VANN bil') }, call)).toBe(true);
    expect(matchesCallSearch({ words: ['lading'] }, call)).toBe(false);
    expect(textWords('sentrum.Billading,')).toEqual(['sentrum', 'billading']);
  });
});
