/**
 * The match index from a snapshot: a cold container that loads the snapshot and applies only the profile
 * changes since it ranks exactly as a naive full score of every stored profile does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack } from '../../support/local-stack.js';
import { currentMatchIndex, loadIndex, resetMatchIndex, toMatchProfile, writeMatchSnapshot } from '../../../functions/matching/match-index-cache.js';
import { SNAPSHOT_KEY } from '../../../functions/matching/snapshot-store.js';
import { companiesChangedSince, updateCompanyProfile } from '../../../functions/data/organisations.js';
import { listOpenCalls } from '../../../functions/data/calls.js';
import { matchCompany, MatchIndex } from '../../../shared/matching/match-index.js';
import { scorePair } from '../../../shared/matching/score.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
beforeAll(async () => void (stack = await startTestStack()));
afterAll(() => stack?.close());

/** Every stored profile scored against the call, best first, ties by organisation number: no index at all. */
async function naiveTop(call: Parameters<MatchIndex['rank']>[0], n: number) {
  const profiles = (await companiesChangedSince('')).map(toMatchProfile);
  const stats = new MatchIndex(profiles).stats;
  return profiles
    .map((p) => ({ org: p.orgNumber, score: scorePair(call, matchCompany(p), stats).score }))
    .sort((a, b) => b.score - a.score || (a.org < b.org ? -1 : 1))
    .slice(0, n);
}

describe('the match index snapshot', () => {
  it('is written under DATA_DIR, and a cold load from it plus the changes since ranks like a naive full score', async () => {
    const size = await writeMatchSnapshot();
    expect(size).toBeGreaterThan(1000);
    expect(existsSync(join(stack.dataDir, SNAPSHOT_KEY))).toBe(true);

    // A profile changes after the snapshot was written: the cold load must pick it up from the table.
    const calls = await listOpenCalls(new Date().toISOString());
    const call = calls[0]!;
    const target = (await companiesChangedSince('')).find((o) => !o.cpvCodes?.length || o.cpvCodes[0]!.slice(0, 2) !== call.cpvCodes[0]?.slice(0, 2))!;
    const later = new Date(Date.now() + 60_000).toISOString();
    await updateCompanyProfile(
      target.id,
      {
        name: target.name,
        description: `${call.title}. ${call.summary} ${call.description}`,
        capabilities: [call.title],
        cpvCodes: call.cpvCodes.slice(0, 1),
        municipalityCode: call.municipalityCode as never,
      } as never,
      later,
    );

    const loaded = await loadIndex();
    expect(loaded.fromSnapshot).toBe(true);
    expect(loaded.newest).toBe(later);
    expect(loaded.index.data.updatedAt[loaded.index.indexOf(target.id)!]).toBe(Date.parse(later));

    resetMatchIndex();
    const index = await currentMatchIndex();
    for (const c of calls.slice(0, 8)) {
      const got = index.rank(c, 10).map((r) => ({ org: index.companies[r.company]!.orgNumber, score: r.score }));
      const want = await naiveTop(c, 10);
      expect(got.map((g) => g.org)).toEqual(want.map((w) => w.org));
      got.forEach((g, i) => expect(g.score).toBeCloseTo(want[i]!.score, 9));
    }
    // The changed company now answers the call it was rewritten for.
    expect(index.rank(call, 3).map((r) => index.companies[r.company]!.orgNumber)).toContain(target.id);
  });
});
