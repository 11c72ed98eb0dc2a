import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../../../functions/matching/match-snapshot.js';
import { MatchIndex } from '../../../../shared/matching/match-index.js';
import { call as callArb, profiles } from '../../shared/matching/arbitraries.js';

describe('the match index snapshot, version 2', () => {
  it('decodes to the same packed index, which ranks and explains the same', () => {
    fc.assert(
      fc.property(profiles(0, 20), callArb, (ps, call) => {
        const index = new MatchIndex(ps.map((p, i) => ({ ...p, updatedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() })));
        const snap = decodeSnapshot(encodeSnapshot(index.data, '2026-03-01T00:00:00.000Z'))!;
        expect(snap.newest).toBe('2026-03-01T00:00:00.000Z');
        expect(snap.data).toEqual(index.data);
        const loaded = new MatchIndex(snap.data);
        expect(loaded.rank(call, ps.length)).toEqual(index.rank(call, ps.length));
        for (let i = 0; i < ps.length; i++) expect(loaded.explain(call, i)).toEqual(index.explain(call, i));
      }),
      { numRuns: 100 },
    );
  });

  it('is not fooled by a version-1 snapshot (gzipped JSON): the loader then builds from the table', () => {
    const v1 = gzipSync(JSON.stringify({ v: 1, newest: '', dict: [], p: [] }));
    expect(decodeSnapshot(v1)).toBeUndefined();
  });
});
