/** Reasons people can check: every matched word and code, with the points each contributed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../../../shared/matching/match-index.js';
import { scorePair } from '../../../../shared/matching/score.js';
import { call as callArb, profiles } from './arbitraries.js';

describe('the evidence behind each reason', () => {
  it('names matched words and code pairs whose points sum to the reason, and the reasons to the score', () => {
    fc.assert(
      fc.property(callArb, profiles(1, 12), (call, ps) => {
        const index = new MatchIndex(ps);
        for (const company of index.companies) {
          const { score, reasons } = scorePair(call, company, index.stats);
          expect(reasons.reduce((s, r) => s + r.points, 0)).toBeCloseTo(score, 1);
          for (const r of reasons.filter((x) => x.signal === 'text' || x.signal === 'cpv')) {
            expect(r.evidence?.length).toBeGreaterThan(0);
            const sum = r.evidence!.reduce((s, e) => s + e.points, 0);
            expect(Math.abs(sum - r.points)).toBeLessThanOrEqual(0.005 * (r.evidence!.length + 1));
            for (const e of r.evidence!) expect(e.match.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('says which related term a word came through', () => {
    const index = new MatchIndex([
      {
        orgNumber: '100000008',
        name: 'Flomvakt',
        description: 'Vi overvåker overvannsnettet med sensorer og varsler om flom.',
        capabilities: ['flomvarsling', 'overvann'],
        cpvCodes: [],
        sme: true,
        capacity: 1,
      },
    ]);
    const call = {
      id: 'x',
      title: 'Varsling av flom',
      summary: 'Tidlig varsel om styrtregn.',
      description: 'Kommunen vil varsle innbyggere før flom.',
      cpvCodes: ['71351920'],
      municipalityCode: '3101',
    };
    const text = scorePair(call, index.companies[0]!, index.stats).reasons.find((r) => r.signal === 'text');
    expect(text?.evidence?.map((e) => e.match)).toContain('flom');
  });
});
