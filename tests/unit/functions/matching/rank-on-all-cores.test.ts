import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../../functions/core/logger.js';
import { proposeSlateOnAllCores, rankOnAllCores, stopRankWorkers } from '../../../../functions/matching/rank-on-all-cores.js';
import { MatchIndex } from '../../../../shared/matching/match-index.js';
import { proposeSlate } from '../../../../shared/matching/propose-slate.js';
import { call as callArb, profiles } from '../../shared/matching/arbitraries.js';

// Seeded samples: the same market every run.
const market = (seed: number) => ({
  index: new MatchIndex(fc.sample(profiles(150, 200), { seed, numRuns: 1 })[0]!),
  calls: fc.sample(callArb, { seed, numRuns: 90 }),
});
const onOneWorker = { workers: 1, callsPerWorker: 1 };

describe('ranking a slate’s calls on all cores', () => {
  afterAll(stopRankWorkers);

  it('gives every call the list topK gives in this thread, ranked by a worker thread', async () => {
    const { index, calls } = market(1);
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const ranked = await rankOnAllCores(index, calls, 13, onOneWorker);
    expect(ranked.workers).toBe(1);
    expect(ranked.lists).toEqual(calls.map((call) => index.topK(call, 13)));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('ranks against a changed index with workers holding the new one, not the old', async () => {
    const before = market(2);
    await rankOnAllCores(before.index, before.calls, 7, onOneWorker);
    const after = market(3);
    const ranked = await rankOnAllCores(after.index, before.calls, 7, onOneWorker);
    expect(ranked.lists).toEqual(before.calls.map((call) => after.index.topK(call, 7)));
  });

  it('ranks here, and says so, the calls a worker could not take', async () => {
    const { index, calls } = market(4);
    // A function cannot be copied to another thread; ranking ignores it.
    const odd = calls.map((c) => ({ ...c, matchPreferences: { ...c.matchPreferences, note: () => 'not cloneable' } }));
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const ranked = await rankOnAllCores(index, odd, 9, onOneWorker);
    expect(ranked.lists).toEqual(calls.map((call) => index.topK(call, 9)));
    expect(warn).toHaveBeenCalledWith('ranking worker failed; ranking its calls here', expect.anything());
    warn.mockRestore();
  });

  it('proposes the same slate as proposeSlate ranking everything in this thread', async () => {
    const { index, calls } = market(5);
    const here = proposeSlate(index, calls, { partnersPerCall: 2 });
    const allCores = await proposeSlateOnAllCores(index, calls, { partnersPerCall: 2 }, onOneWorker);
    expect(allCores.workers).toBe(1);
    expect(allCores.total).toBe(here.total);
    expect(allCores.evidence).toEqual(here.evidence);
    expect(allCores.items.map((i) => i.partners.map((p) => [p.company, p.score]))).toEqual(here.items.map((i) => i.partners.map((p) => [p.company, p.score])));
  });
});
