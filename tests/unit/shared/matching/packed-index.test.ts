import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex, type MatchProfile } from '../../../../shared/matching/match-index.js';
import { packProfiles, repack } from '../../../../shared/matching/packed-index.js';
import { companyDocumentTerms } from '../../../../shared/matching/score.js';
import { TopK } from '../../../../shared/matching/top-k.js';
import { call as callArb, profile, profiles } from './arbitraries.js';

const items = (ps: readonly MatchProfile[]) => ps.map((p) => ({ profile: p, terms: companyDocumentTerms(p) }));

describe('repack (a profile edit without rebuilding every company)', () => {
  it('ranks and explains exactly as an index built from scratch over the same companies', () => {
    const edits = fc.array(fc.tuple(fc.nat(), profile), { maxLength: 6 });
    const added = fc.array(fc.tuple(fc.integer({ min: 100_000_000, max: 999_999_999 }), profile), { maxLength: 3 });
    fc.assert(
      fc.property(profiles(1, 20), edits, added, callArb, (ps, edit, add, call) => {
        const final = [...ps];
        const changed: MatchProfile[] = [];
        for (const [at, p] of edit) {
          const i = at % ps.length;
          final[i] = { ...p, orgNumber: ps[i]!.orgNumber, name: `Endret ${i}` };
          changed.push(final[i]!);
        }
        for (const [org, p] of add) {
          if (final.some((q) => q.orgNumber === String(org))) continue;
          final.push({ ...p, orgNumber: String(org), name: 'Ny' });
          changed.push(final[final.length - 1]!);
        }
        // The last edit of a company wins, as applyChanges passes only the newest version.
        const newest = [...new Map(changed.map((p) => [p.orgNumber, p])).values()];
        const repacked = new MatchIndex(repack(packProfiles(items(ps)), items(newest)));
        const fresh = new MatchIndex(final);
        expect(repacked.data.orgNumbers).toEqual(final.map((p) => p.orgNumber));
        expect(repacked.rank(call, final.length)).toEqual(fresh.rank(call, final.length));
        for (let i = 0; i < final.length; i++) expect(repacked.explain(call, i)).toEqual(fresh.explain(call, i));
        // Terms no company holds any more leave the dictionary.
        expect(new Set(repacked.data.terms)).toEqual(new Set(fresh.data.terms));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('TopK', () => {
  it('keeps the k best by score, ties to the lower order, whatever the offering order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (scores, k) => {
        const order = Int32Array.from(scores.keys()).reverse();
        const top = new TopK(k, order);
        scores.forEach((s, i) => top.offer(i, s));
        const want = scores
          .map((score, company) => ({ company, score }))
          .sort((a, b) => b.score - a.score || order[a.company]! - order[b.company]!)
          .slice(0, k);
        expect(top.sorted()).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
