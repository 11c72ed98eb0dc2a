import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { programmeStatsSchema } from '../../../shared/schemas/programme.js';
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { startTestStack, callBody, passTime, proposalBody } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { ASSOCIATIONS, CALL_PLAN } from '../../../infra/local/demo-data.js';
import { db, table } from '../../../functions/data/client.js';
import { keys } from '../../../functions/data/keys.js';
import { listProposalsForCall } from '../../../functions/data/proposals.js';
import { resetProgrammeStatsCache } from '../../../functions/programme/get-programme-stats.js';
import { recomputeProgrammeStats } from '../../../functions/programme/recompute-stats.js';
import { rebuildStatistics } from '../../../functions/data/call-stats.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'sarpsborgCompany', 'otherCompany', 'association', 'programme'] as const) {
    t[who] = await stack.client.login(users[who]);
  }
});
afterAll(() => stack?.close());
beforeEach(() => resetProgrammeStatsCache());

async function stats() {
  const res = await stack.client.call('GET', '/api/programme/stats', { token: t.programme });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(() => programmeStatsSchema.parse(res.body)).not.toThrow();
  return res.body as import('../../../shared/schemas/programme.js').ProgrammeStats;
}
const count = (list: { key: string; count: number }[], key: string) => list.find((x) => x.key === key)?.count;
const pick = (o: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(names.filter((n) => o[n] !== undefined && o[n] !== null).map((n) => [n, o[n]]));
const sum = (list: { count: number }[]) => list.reduce((a, b) => a + b.count, 0);
/** Every call as each municipality sees its own (drafts and cancelled included): the API's truth. */
async function allCallsViaApi(): Promise<any[]> {
  const all: any[] = [];
  for (const m of MUNICIPALITIES) {
    const token = await stack.client.login(`user-${m.code}`);
    const res = await stack.client.call('GET', '/api/calls?mine=true&limit=100', { token });
    expect(res.body.nextCursor).toBeNull();
    all.push(...res.body.items);
  }
  return all;
}
const listed = async (status: 'open' | 'closed') => (await stack.client.call('GET', `/api/calls?status=${status}&limit=100`)).body.items as any[];

describe('who may read the programme figures', () => {
  it('anonymous 401; municipality, company and association 403; programme 200', async () => {
    expect((await stack.client.call('GET', '/api/programme/stats')).status).toBe(401);
    for (const who of ['fredrikstad', 'sarpsborgCompany', 'association'] as const) {
      const res = await stack.client.call('GET', '/api/programme/stats', { token: t[who] });
      expect(res.status, who).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    await stats();
  });
});

describe('call figures', () => {
  it('count calls by derived status consistently with what the API lists', async () => {
    const s = await stats();
    expect(count(s.calls.byStatus, 'open')).toBe((await listed('open')).length);
    expect(count(s.calls.byStatus, 'closed')).toBe((await listed('closed')).length);
    const all = await allCallsViaApi();
    for (const status of ['draft', 'open', 'closed', 'cancelled']) {
      expect(count(s.calls.byStatus, status), status).toBe(all.filter((c) => c.status === status).length);
    }
    expect(s.calls.total).toBe(all.length);
    expect(s.calls.total).toBeGreaterThanOrEqual(CALL_PLAN.length);
    expect(s.calls.byStatus.map((x) => [x.key, x.label])).toEqual([
      ['draft', 'Utkast'],
      ['open', 'Åpen'],
      ['closed', 'Frist passert'],
      ['cancelled', 'Avlyst'],
    ]);
    expect(sum(s.calls.byStatus)).toBe(s.calls.total);
  });

  it('lists all twelve municipalities (zeros too), every domain and procedure, with bokmål labels', async () => {
    const s = await stats();
    expect(s.calls.byMunicipality.map((m) => [m.key, m.label])).toEqual(MUNICIPALITIES.map((m) => [m.code, m.name]));
    expect(sum(s.calls.byMunicipality)).toBe(s.calls.total);
    const all = await allCallsViaApi();
    for (const m of MUNICIPALITIES) expect(count(s.calls.byMunicipality, m.code), m.name).toBe(all.filter((c) => c.municipalityCode === m.code).length);
    expect(s.calls.byDomain).toHaveLength(10);
    expect(s.calls.byDomain.find((d) => d.key === 'mobility')?.label).toBe('Mobilitet');
    expect(sum(s.calls.byDomain)).toBeGreaterThanOrEqual(s.calls.total);
    expect(s.calls.byProcedure).toHaveLength(5);
    expect(s.calls.byProcedure.find((d) => d.key === 'market-dialogue')?.label).toBe('Markedsdialog');
    expect(sum(s.calls.byProcedure)).toBe(s.calls.total);
  });

  it('moves a new draft and then its publication into the right buckets (after the cache is dropped)', async () => {
    const before = await stats();
    const created = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    // Cached for 30 s: the same figures until then.
    const cachedStats = (await stack.client.call('GET', '/api/programme/stats', { token: t.programme })).body;
    expect(cachedStats.generatedAt).toBe(before.generatedAt);
    resetProgrammeStatsCache();
    const afterDraft = await stats();
    expect(count(afterDraft.calls.byStatus, 'draft')).toBe(count(before.calls.byStatus, 'draft')! + 1);
    expect(count(afterDraft.calls.byMunicipality, '3107')).toBe(count(before.calls.byMunicipality, '3107')! + 1);
    await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: t.fredrikstad });
    resetProgrammeStatsCache();
    const afterPublish = await stats();
    expect(count(afterPublish.calls.byStatus, 'open')).toBe((await listed('open')).length);
    expect(count(afterPublish.calls.byStatus, 'draft')).toBe(count(before.calls.byStatus, 'draft'));
    // It has no proposal and closes in 7 days: it needs help now.
    expect(afterPublish.needsHelp.map((n) => n.callId)).toContain(created.body.id);
  });
});

/**
 * Calls whose municipality has chosen its partners (an outcome exists, a contract is signed, or the call was
 * cancelled: shared/domain/procedure.ts), with their proposals, read via the API as the owner.
 */
async function chosenCallsViaApi(): Promise<{ id: string; proposals: string[]; cancelled?: boolean }[]> {
  const chosen: { id: string; proposals: string[]; cancelled?: boolean }[] = [];
  for (const m of MUNICIPALITIES) {
    const token = await stack.client.login(`user-${m.code}`);
    const own = (await stack.client.call('GET', '/api/calls?mine=true&limit=100', { token })).body.items as any[];
    for (const c of own.filter((c) => c.publishedAt && (c.status === 'closed' || c.status === 'cancelled'))) {
      const hasOutcome = (await stack.client.call('GET', `/api/calls/${c.id}/outcome`, { token })).status === 200;
      if (!hasOutcome && c.phase !== 'contracted' && c.phase !== 'cancelled') continue;
      if (c.status === 'cancelled') {
        // A call cancelled before its deadline keeps its answers sealed from everyone: read the table directly.
        chosen.push({ id: c.id, proposals: (await listProposalsForCall(c.id)).map((p) => p.orgNumber), cancelled: true });
        continue;
      }
      // Reading answers needs a declaration of impartiality (award path); a repeated one is refused, which is fine.
      await stack.client.call('POST', `/api/calls/${c.id}/impartiality`, { token, body: { impartial: true } });
      // The first answers (statistics count those; a two-stage call's tenders are a later stage).
      const read = await stack.client.call('GET', `/api/calls/${c.id}/proposals?stage=request`, { token });
      if (read.status !== 200) throw new Error(`reading proposals of ${c.id}: ${read.status} ${JSON.stringify(read.body)}`);
      chosen.push({ id: c.id, proposals: (read.body.items as any[]).map((p) => p.orgNumber) });
    }
  }
  return chosen;
}

describe('proposal figures', () => {
  it('count proposals only of calls whose partners are chosen: total, per call and distinct companies (issue 7)', async () => {
    const s = await stats();
    const chosen = await chosenCallsViaApi();
    expect(chosen.length).toBeGreaterThan(0);
    const total = chosen.reduce((a, c) => a + c.proposals.length, 0);
    expect(s.proposals.total).toBe(total);
    expect(s.proposals.total).toBeLessThan(CALL_PLAN.reduce((a, p) => a + p.proposals, 0));
    // Per-call figures are over calls that ran their course (cancelled ones count in the total only).
    const ran = chosen.filter((c) => !c.cancelled);
    expect(s.proposals.perCall.max).toBe(Math.max(...ran.map((c) => c.proposals.length)));
    expect(s.proposals.perCall.mean).toBeCloseTo(ran.reduce((a, c) => a + c.proposals.length, 0) / ran.length, 2);
    expect(s.proposals.distinctCompanies).toBe(new Set(chosen.flatMap((c) => c.proposals)).size);
    // Seeded proposals arrive one day after publishing.
    expect(s.proposals.medianDaysToFirstProposal).toBe(1);
    expect(s.proposals.smeShare).toBe(1);
  });

  it('counts a company whose profile says it is not an SME in the SME share', async () => {
    const before = await stats();
    // Through the profile endpoint: the counters follow the write (inline here, from the stream in AWS).
    const profile = (await stack.client.call('GET', `/api/companies/${companies.other.id}`)).body;
    const body = { ...pick(profile, ['name', 'description', 'capabilities', 'cpvCodes', 'municipalityCode', 'website', 'contactEmail', 'capacity']) };
    const put = (sme: boolean) => stack.client.call('PUT', `/api/companies/${companies.other.id}`, { token: t.otherCompany, body: { ...body, sme } });
    expect((await put(false)).status).toBe(200);
    resetProgrammeStatsCache();
    const after = await stats();
    expect(after.proposals.smeShare).toBeCloseTo((before.proposals.distinctCompanies - 1) / before.proposals.distinctCompanies, 3);
    expect((await put(true)).status).toBe(200);
    resetProgrammeStatsCache();
    expect((await stats()).proposals.smeShare).toBe(before.proposals.smeShare);
  });

  it('lists open calls closing within 14 days with little reach, nearest first, from public facts only', async () => {
    const s = await stats();
    const now = Date.now();
    const expected = (await listed('open')).filter((c) => Date.parse(c.deadline) - now <= 14 * 86_400_000);
    for (const n of s.needsHelp) {
      const call = expected.find((c) => c.id === n.callId);
      expect(call, n.title).toBeDefined();
      expect(n.daysLeft).toBeGreaterThanOrEqual(0);
      expect(n.daysLeft).toBeLessThanOrEqual(14);
      expect(n.municipalityName).toBe(call.municipalityName);
    }
    expect([...s.needsHelp].sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))).toEqual(s.needsHelp);
  });

  it('moves neither «needs help» nor any proposal figure when a sealed proposal arrives (issue 7)', async () => {
    const created = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({ deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() }),
    });
    await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: t.fredrikstad });
    resetProgrammeStatsCache();
    const before = await stats();
    expect(before.needsHelp.map((n) => n.callId)).toContain(created.body.id);
    const put = await stack.client.call('PUT', `/api/calls/${created.body.id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() });
    expect(put.status).toBe(201);
    resetProgrammeStatsCache();
    const after = await stats();
    expect(after.needsHelp).toEqual(before.needsHelp);
    expect(after.proposals).toEqual(before.proposals);
  });

  it('counts proposals from accepted members made after their association promoted the call', async () => {
    const baseline = (await stats()).proposals.fromPromotions;
    const association = ASSOCIATIONS[0]!.id;
    // Two fresh calls, so that no promotion but ours concerns them.
    const fresh = async () => {
      const created = await stack.client.call('POST', '/api/calls', {
        token: t.fredrikstad,
        body: callBody({ deadline: new Date(Date.now() + 20 * 86_400_000).toISOString() }),
      });
      await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: t.fredrikstad });
      return created.body.id as string;
    };
    const target = await fresh();
    const other = await fresh();
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const promote = (id: string, callId: string, promotedAt: string) =>
      db().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...keys.promotion(id),
            type: 'promotion',
            id,
            associationId: association,
            callId,
            note: 'Se her',
            promotedAt,
            gsi1pk: keys.associationPromotions(association),
            gsi1sk: `${promotedAt}#${id}`,
            gsi2pk: keys.callPromotions(callId),
            gsi2sk: `${promotedAt}#${id}`,
          },
        }),
      );
    const member = (orgNumber: string, status: string) =>
      db().send(
        new PutCommand({
          TableName: table(),
          Item: { ...keys.membership(association, orgNumber), type: 'membership', associationId: association, orgNumber, status, requestedAt: hourAgo },
        }),
      );
    await promote('TEST-P1', target, hourAgo);
    await promote('TEST-P2', target, hourAgo); // a second promotion of the same call: still one proposal
    await promote('TEST-P3', other, inAnHour); // promoted after the proposal: not counted
    await member(companies.sarpsborg.id, 'accepted');
    await member(companies.other.id, 'pending');
    for (const callId of [target, other]) {
      for (const token of [t.sarpsborgCompany, t.otherCompany]) {
        const res = await stack.client.call('PUT', `/api/calls/${callId}/proposals/mine`, { token, body: proposalBody() });
        expect([200, 201]).toContain(res.status);
      }
    }
    resetProgrammeStatsCache();
    // Issue 7: nothing counts while the partners are not chosen, the deadline passed or not.
    expect((await stats()).proposals.fromPromotions).toBe(baseline);
    await passTime(stack.client, 21 * 86_400_000);
    resetProgrammeStatsCache();
    expect((await stats()).proposals.fromPromotions).toBe(baseline);
    for (const callId of [target, other]) {
      const res = await stack.client.call('PUT', `/api/calls/${callId}/outcome`, {
        token: t.fredrikstad,
        body: { partners: [], projectStatus: 'pilot', results: '', lessons: '', documents: [], wouldRecommend: true, published: false },
      });
      expect(res.status).toBe(200);
    }
    resetProgrammeStatsCache();
    const s = await stats();
    // Only the accepted member's proposal to the call promoted before it counts.
    expect(s.proposals.fromPromotions).toBe(baseline + 1);
  });
});

describe('counters against the full recomputation', () => {
  // Runs last: after drafts, publications, proposals, a profile's SME flag, promotions, memberships and outcomes.
  it('answers from the counter items exactly what reading every call and proposal gives (demo data and the writes above)', async () => {
    resetProgrammeStatsCache();
    const fromCounters = await stats();
    const recomputed = await recomputeProgrammeStats();
    expect({ ...fromCounters, generatedAt: '' }).toEqual({ ...recomputed, generatedAt: '' });
    expect(fromCounters.proposals.total).toBeGreaterThan(0);
    expect(fromCounters.proposals.fromPromotions).toBeGreaterThan(0);
  });

  it('rebuilds to the same figures from scratch, and from a table whose counters were lost', async () => {
    resetProgrammeStatsCache();
    const before = { ...(await stats()), generatedAt: '' };
    await rebuildStatistics();
    resetProgrammeStatsCache();
    expect({ ...(await stats()), generatedAt: '' }).toEqual(before);
    // Counters lost (the crash window): the rebuild brings them back.
    await db().send(new DeleteCommand({ TableName: table(), Key: { pk: 'STATS#ALL', sk: 'COUNTS' } }));
    resetProgrammeStatsCache();
    expect((await stats()).calls.total).toBe(0);
    await rebuildStatistics();
    resetProgrammeStatsCache();
    expect({ ...(await stats()), generatedAt: '' }).toEqual(before);
  });
});
