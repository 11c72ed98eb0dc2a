import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex, matchCompany, type MatchProfile } from '../../../../shared/matching/match-index.js';
import { baselineScore, companyDocumentTerms, pairScore, scorePair, WEIGHTS, type MatchCall } from '../../../../shared/matching/score.js';
import { TextIndex } from '../../../../shared/matching/bm25.js';
import { callQuery, CAPABILITY_REPEAT } from '../../../../shared/matching/analyze.js';
import { ADDITIONAL_CODE } from '../../../../shared/matching/cpv-evidence.js';
import { call as callArb, profiles } from './arbitraries.js';

/**
 * Rank by brute force: score every company with scorePair, sort by score desc then orgNumber asc. With the
 * profiles, each company is analysed afresh (matchCompany), independent of what the index packed.
 */
function bruteForceRank(index: MatchIndex, call: MatchCall, n: number, ps?: readonly MatchProfile[]) {
  const q = callQuery(call);
  return (ps ? ps.map((p) => matchCompany(p)) : index.companies)
    .map((c, i) => ({ company: i, score: scorePair(call, c, index.stats, q).score, org: c.orgNumber }))
    .sort((a, b) => b.score - a.score || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0))
    .slice(0, n)
    .map(({ company, score }) => ({ company, score }));
}

const sampleCall: MatchCall = {
  id: 'c1',
  title: 'Sensorbasert parkering',
  summary: 'Vise ledige plasser i sanntid.',
  description: 'Vi trenger sensorer som registrerer ledige plasser og deler data.',
  cpvCodes: ['38730000', '72212000'],
  municipalityCode: '3107',
  matchPreferences: { locality: true, sme: true },
};
const sampleProfiles: MatchProfile[] = [
  {
    orgNumber: '900000001',
    name: 'A',
    description: 'Vi leverer sensorer for parkering i sanntid.',
    capabilities: ['sensorer', 'parkering'],
    cpvCodes: ['72212000'],
    municipalityCode: '3107',
    sme: true,
    capacity: 2,
  },
  { orgNumber: '900000002', name: 'B', description: 'Regnskap og lønn.', capabilities: ['regnskap'], cpvCodes: ['79200000'], sme: false, capacity: 1 },
  { orgNumber: '900000003', name: 'C', description: 'Programvare.', capabilities: ['data'], cpvCodes: ['72000000'], municipalityCode: '3101', sme: true },
];

describe('scorePair', () => {
  it('is deterministic: the same inputs give the same score and reasons', () => {
    const index = new MatchIndex(sampleProfiles);
    for (let i = 0; i < index.size; i++) {
      const a = scorePair(sampleCall, index.companies[i]!, index.stats);
      const b = scorePair(structuredClone(sampleCall), matchCompany(sampleProfiles[i]!), new MatchIndex(sampleProfiles).stats);
      expect(b).toEqual(a);
    }
  });

  it("pairScore is scorePair's score without the reasons (the same number)", () => {
    fc.assert(
      fc.property(profiles(1, 15), callArb, (ps, call) => {
        const index = new MatchIndex(ps);
        for (const p of ps) expect(pairScore(call, matchCompany(p), index.stats)).toBe(scorePair(call, matchCompany(p), index.stats).score);
      }),
      { numRuns: 200 },
    );
  });

  it('scores within 0–100 and gives reasons that sum to the score (within rounding)', () => {
    fc.assert(
      fc.property(profiles(1, 15), callArb, (ps, call) => {
        const index = new MatchIndex(ps);
        for (const c of index.companies) {
          const { score, reasons } = scorePair(call, c, index.stats);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(Math.round(score * 100)).toBeCloseTo(score * 100, 6); // hundredths
          const sum = reasons.reduce((s, r) => s + r.points, 0);
          expect(Math.abs(sum - score)).toBeLessThanOrEqual(0.025 + 1e-9);
          expect(new Set(reasons.map((r) => r.signal)).size).toBe(reasons.length);
          for (const r of reasons) expect(r.points).toBeLessThanOrEqual(WEIGHTS[r.signal]);
          // Sorted by points, largest first.
          expect(reasons.map((r) => r.points)).toEqual([...reasons.map((r) => r.points)].sort((x, y) => y - x));
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('the hand example ranks the sensor company first with CPV, text, locality and SME reasons', () => {
    const index = new MatchIndex(sampleProfiles);
    const top = index.rank(sampleCall, 3);
    expect(top[0]!.company).toBe(0);
    const why = index.explain(sampleCall, 0);
    expect(why.reasons.map((r) => r.signal).sort()).toEqual(['cpv', 'locality', 'sme', 'text']);
    // 72212000 is held by one company of three (the rarest possible), but it is the call's second,
    // additional code: the CPV weight at the additional-code share.
    expect(why.reasons.find((r) => r.signal === 'cpv')!.points).toBe(Math.round(WEIGHTS.cpv * ADDITIONAL_CODE * 100) / 100);
    expect(why.reasons.find((r) => r.signal === 'locality')!.points).toBe(WEIGHTS.locality);
    expect(index.explain(sampleCall, 1)).toEqual({ score: 0, reasons: [] });
  });

  it('uses locality and SME only when the call turns them on, and says so', () => {
    const index = new MatchIndex(sampleProfiles);
    const { matchPreferences: _p, ...competition } = sampleCall;
    const off = index.explain(competition, 0);
    expect(off.reasons.map((r) => r.signal).sort()).toEqual(['cpv', 'text']);
    const on = index.explain(sampleCall, 0);
    expect(on.score - off.score).toBeCloseTo(WEIGHTS.locality + WEIGHTS.sme, 6);
    expect(on.reasons.find((r) => r.signal === 'locality')!.text.en).toMatch(/tie-breaker/);
    // Market dialogue turns them on by default; an explicit choice wins over the default.
    expect(index.explain({ ...competition, procedure: 'market-dialogue' }, 0).score).toBe(on.score);
    expect(index.explain({ ...competition, procedure: 'market-dialogue', matchPreferences: { locality: false, sme: false } }, 0).score).toBe(off.score);
  });

  it('baselineScore is the score of a pair that shares nothing', () => {
    const index = new MatchIndex(sampleProfiles);
    const b = index.companies[1]!;
    expect(scorePair(sampleCall, b, index.stats).score).toBe(baselineScore(sampleCall, b));
    const { matchPreferences: _p, ...competition } = sampleCall;
    expect(scorePair(competition, b, index.stats).score).toBe(baselineScore(competition, b));
  });

  it('companyDocumentTerms counts capabilities above the description and the name', () => {
    expect(companyDocumentTerms({ description: 'vann', capabilities: ['sensor'] })).toEqual(['vann', ...Array<string>(CAPABILITY_REPEAT).fill('sensor')]);
    // The sector word of a name counts; the place and the company form do not.
    expect(companyDocumentTerms({ name: 'Halden VA AS', description: 'vann' })).toEqual(['vann', 'va']);
  });

  it('a standalone TextIndex (with the same CPV counts) gives the same pair score as the MatchIndex', () => {
    const index = new MatchIndex(sampleProfiles);
    const standalone = new TextIndex(sampleProfiles.map((p) => companyDocumentTerms(p)));
    const stats = { docCount: standalone.docCount, avgLength: standalone.avgLength, df: (t: string) => standalone.df(t), cpvDf: index.stats.cpvDf };
    for (const c of index.companies) expect(scorePair(sampleCall, c, stats)).toEqual(scorePair(sampleCall, c, index.stats));
  });
});

describe('MatchIndex.rank', () => {
  it('equals a brute-force ranking with scorePair (random instances, ties by orgNumber)', () => {
    fc.assert(
      fc.property(profiles(1, 25), fc.array(callArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 30 }), (ps, calls, n) => {
        const index = new MatchIndex(ps);
        // Several calls on one index: the shared buffers must be left clean between calls.
        for (const call of calls) expect(index.rank(call, n)).toEqual(bruteForceRank(index, call, n, ps));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('equals brute force when most companies share nothing with the call (baseline path)', () => {
    const strangers = profiles(5, 30).map((ps) =>
      ps.map((p, i) => (i % 4 === 0 ? p : { ...p, description: 'regnskap bakeri', capabilities: [], cpvCodes: ['15000000'] })),
    );
    fc.assert(
      fc.property(strangers, callArb, fc.integer({ min: 1, max: 12 }), (ps, call, n) => {
        const index = new MatchIndex(ps);
        expect(index.rank(call, n)).toEqual(bruteForceRank(index, call, n, ps));
        expect(index.rank(call, ps.length)).toEqual(bruteForceRank(index, call, ps.length, ps));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('gives the same scores as explain() for every ranked company', () => {
    fc.assert(
      fc.property(profiles(1, 15), callArb, (ps, call) => {
        const index = new MatchIndex(ps);
        for (const r of index.rank(call, ps.length)) {
          // explain reads term frequencies from the postings: the same reasons as the profile analysed afresh.
          expect(index.explain(call, r.company)).toEqual(scorePair(call, matchCompany(ps[r.company]!), index.stats));
          expect(r.score).toBe(index.explain(call, r.company).score);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('locality and SME only break ties: they never lift a company above one more than their points ahead in relevance', () => {
    const band = WEIGHTS.locality + WEIGHTS.sme;
    fc.assert(
      fc.property(profiles(2, 20), callArb, (ps, call) => {
        const index = new MatchIndex(ps);
        const on = { ...call, matchPreferences: { locality: true, sme: true } };
        const off = { ...call, matchPreferences: { locality: false, sme: false } };
        const relevance = new Map(index.rank(off, ps.length).map((r) => [r.company, r.score]));
        const ranked = index.rank(on, ps.length).map((r) => r.company);
        for (let a = 0; a < ranked.length; a++) {
          for (let b = a + 1; b < ranked.length; b++) {
            // b is ranked below a: b may not be clearly more relevant than a.
            expect(relevance.get(ranked[b]!)! - relevance.get(ranked[a]!)!).toBeLessThanOrEqual(band + 0.011);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('returns nothing for n = 0', () => {
    const index = new MatchIndex(sampleProfiles);
    expect(index.rank(sampleCall, 0)).toEqual([]);
  });

  it('stays exact after a rank call that failed or asked for nothing (shared buffers left clean)', () => {
    const index = new MatchIndex(sampleProfiles);
    try {
      index.rank(sampleCall, 0);
    } catch {
      // Whatever n = 0 does, the next call must not see its leftovers.
    }
    expect(index.rank(sampleCall, 3)).toEqual(bruteForceRank(index, sampleCall, 3));
  });
});
