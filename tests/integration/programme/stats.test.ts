import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { programmeStatsSchema } from '../../../shared/schemas/programme.js';
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { startTestStack, callBody, proposalBody } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { ASSOCIATIONS, CALL_PLAN } from '../../../infra/local/demo-data.js';
import { db, table } from '../../../functions/data/client.js';
import { keys } from '../../../functions/data/keys.js';
import { resetProgrammeStatsCache } from '../../../functions/programme/get-programme-stats.js';

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
    expect(s.calls.byStatus.map((x) => [x.key, x.label])).toEqual([['draft', 'Utkast'], ['open', 'Åpen'], ['closed', 'Frist passert'], ['cancelled', 'Avlyst']]);
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

describe('proposal figures', () => {
  it('count every proposal, per call over published calls, and distinct companies', async () => {
    const s = await stats();
    const seeded = CALL_PLAN.reduce((a, p) => a + p.proposals, 0);
    expect(s.proposals.total).toBe(seeded);
    const published = CALL_PLAN.filter((p) => p.status === 'open' || p.status === 'closed');
    expect(s.proposals.perCall.max).toBe(Math.max(...published.map((p) => p.proposals)));
    // Earlier tests may have published calls of their own (without proposals): count what the API lists.
    const live = (await listed('open')).length + (await listed('closed')).length;
    expect(s.proposals.perCall.mean).toBeCloseTo(seeded / live, 2);
    expect(s.proposals.distinctCompanies).toBe(7);
    // Seeded proposals arrive one day after publishing.
    expect(s.proposals.medianDaysToFirstProposal).toBe(1);
    expect(s.proposals.smeShare).toBe(1);
  });

  it('counts a company whose profile says it is not an SME in the SME share', async () => {
    const before = await stats();
    await db().send(new UpdateCommand({ TableName: table(), Key: keys.organisation(companies.other.id), UpdateExpression: 'SET sme = :f', ExpressionAttributeValues: { ':f': false } }));
    resetProgrammeStatsCache();
    const after = await stats();
    expect(after.proposals.smeShare).toBeCloseTo((before.proposals.distinctCompanies - 1) / before.proposals.distinctCompanies, 3);
    await db().send(new UpdateCommand({ TableName: table(), Key: keys.organisation(companies.other.id), UpdateExpression: 'REMOVE sme' }));
  });

  it('lists open calls without proposals closing within 14 days, nearest first', async () => {
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
    // Aremark's call closes in 12 days and has no proposal in the demo data.
    expect(s.needsHelp.some((n) => n.municipalityName === 'Aremark')).toBe(true);
    expect([...s.needsHelp].sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))).toEqual(s.needsHelp);
    // Calls with proposals (those closing in 5, 7 and 10 days) are not listed.
    expect(s.needsHelp.every((n) => !['Fredrikstad', 'Moss', 'Halden'].includes(n.municipalityName) || n.title === callBody().title)).toBe(true);
  });

  it('counts proposals from accepted members made after their association promoted the call', async () => {
    const baseline = (await stats()).proposals.fromPromotions;
    const association = ASSOCIATIONS[0]!.id;
    // Two fresh calls, so that no promotion but ours concerns them.
    const fresh = async () => {
      const created = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline: new Date(Date.now() + 20 * 86_400_000).toISOString() }) });
      await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: t.fredrikstad });
      return created.body.id as string;
    };
    const target = await fresh();
    const other = await fresh();
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const promote = (id: string, callId: string, promotedAt: string) =>
      db().send(new PutCommand({
        TableName: table(),
        Item: {
          ...keys.promotion(id), type: 'promotion', id, associationId: association, callId, note: 'Se her', promotedAt,
          gsi1pk: keys.associationPromotions(association), gsi1sk: `${promotedAt}#${id}`, gsi2pk: keys.callPromotions(callId), gsi2sk: `${promotedAt}#${id}`,
        },
      }));
    const member = (orgNumber: string, status: string) =>
      db().send(new PutCommand({
        TableName: table(),
        Item: { ...keys.membership(association, orgNumber), type: 'membership', associationId: association, orgNumber, status, requestedAt: hourAgo },
      }));
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
    const s = await stats();
    // Only the accepted member's proposal to the call promoted before it counts.
    expect(s.proposals.fromPromotions).toBe(baseline + 1);
  });
});
