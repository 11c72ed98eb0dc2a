/**
 * Issue 7, finding 4: twenty identical requests in parallel on every write route leave the state one
 * request would leave, and no acknowledged write is silently overwritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, passTime, proposalBody, serverNow, startTestStack } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { ASSOCIATIONS, COMPANIES } from '../../../infra/local/demo-data.js';
import { confirmAddress } from '../../../functions/data/email-addresses.js';
import { viewLimiter } from '../../../functions/associations/record-call-view.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: { [who: string]: string } = {};
const N = 20;
const A0 = ASSOCIATIONS[0]!;
const DAY = 86_400_000;

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany', 'otherCompany', 'association', 'programme'] as const) {
    t[who] = await stack.client.login(users[who]);
  }
  t.hvaler = await stack.client.login('user-3110');
});
afterAll(() => stack?.close());

const api = stack_call;
function stack_call(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return stack.client.call(method, path, opts);
}
const times = <T>(fn: () => Promise<T>) => Promise.all(Array.from({ length: N }, fn));
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {});

async function openCall(deadlineIn = 10 * DAY, token = t.fredrikstad) {
  const deadline = new Date((await serverNow(stack.client)) + deadlineIn).toISOString();
  const { body } = await api('POST', '/api/calls', { token, body: callBody({ deadline }) });
  const published = await api('POST', `/api/calls/${body.id}/publish`, { token });
  return published.body as { id: string; version: number; deadline: string };
}
const ownDrafts = async (token: string | undefined) => {
  const all: any[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await api('GET', `/api/calls?mine=true&status=draft&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    all.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return all;
};

describe('twenty identical requests in parallel', () => {
  it('POST /api/calls with one Idempotency-Key makes one draft; retries get the first answer', async () => {
    const before = (await ownDrafts(t.halden)).length;
    const body = callBody({ title: 'Én gang, tjue forespørsler' });
    const key = 'create-call-0001';
    const results = await times(() => api('POST', '/api/calls', { token: t.halden, body, headers: { 'idempotency-key': key } }));
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect((await ownDrafts(t.halden)).length).toBe(before + 1);
    const retry = await api('POST', '/api/calls', { token: t.halden, body, headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe([...ids][0]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const other = await api('POST', '/api/calls', { token: t.halden, body: { ...body, title: 'En annen' }, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(422);
  });

  it('PATCH with the same If-Match: one 200, nineteen 412', async () => {
    const { body: draft } = await api('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    const results = await times(() =>
      api('PATCH', `/api/calls/${draft.id}`, { token: t.fredrikstad, body: { title: 'Samtidig' }, headers: { 'if-match': '"1"' } }),
    );
    expect(tally(results.map((r) => r.status))).toEqual({ 200: 1, 412: 19 });
  });

  it('publish and cancel: one 200 each, the rest 409 or 412', async () => {
    const { body: draft } = await api('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    const pub = await times(() => api('POST', `/api/calls/${draft.id}/publish`, { token: t.fredrikstad }));
    expect(pub.filter((r) => r.status === 200)).toHaveLength(1);
    expect(pub.every((r) => [200, 409, 412].includes(r.status))).toBe(true);
    const cancel = await times(() =>
      api('POST', `/api/calls/${draft.id}/cancel`, { token: t.fredrikstad, body: { reason: 'Kommunestyret har omprioritert budsjettet.' } }),
    );
    expect(cancel.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await api('GET', `/api/calls/${draft.id}`)).body.version).toBe(3);
  });

  it('PUT proposals/mine: one 201, nineteen 200, one proposal; DELETE: one 204', async () => {
    const call = await openCall();
    const results = await times(() => api('PUT', `/api/calls/${call.id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() }));
    expect(tally(results.map((r) => r.status))).toEqual({ 200: 19, 201: 1 });
    const del = await times(() => api('DELETE', `/api/calls/${call.id}/proposals/mine`, { token: t.sarpsborgCompany }));
    expect(del.filter((r) => r.status === 204)).toHaveLength(1);
    expect(del.every((r) => [204, 404].includes(r.status))).toBe(true);
  });

  it('promotions: one promotion per (association, call), one feed entry', async () => {
    const call = await openCall();
    const results = await times(() =>
      api('POST', `/api/associations/${A0.id}/promotions`, { token: t.association, body: { callId: call.id, note: 'Tjue ganger samme notat' } }),
    );
    expect(tally(results.map((r) => r.status))).toEqual({ 200: 19, 201: 1 });
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const page = await api('GET', `/api/associations/${A0.id}`);
    expect(page.body.promotions.filter((p: any) => p.callId === call.id)).toHaveLength(1);
  });

  it('views with one visitor cookie: one view', async () => {
    viewLimiter.reset();
    const call = await openCall();
    const promo = (await api('POST', `/api/associations/${A0.id}/promotions`, { token: t.association, body: { callId: call.id, note: 'Les denne' } })).body.id;
    const cookie = (await api('GET', `/api/calls/${call.id}`)).headers.get('set-cookie')!.split(';')[0]!;
    const results = await times(() => api('POST', `/api/calls/${call.id}/views`, { body: { promotionId: promo }, headers: { cookie } }));
    expect(results.every((r) => r.status === 204)).toBe(true);
    const reach = (await api('GET', `/api/associations/${A0.id}/reach`, { token: t.association })).body.items.find((r: any) => r.promotionId === promo);
    expect(reach.views).toBe(1);
    viewLimiter.reset();
  });

  it('reuse: one draft and one reuse within the hour, then a new one after it', async () => {
    const call = await openCall();
    const before = (await api('GET', `/api/calls/${call.id}/reuses`)).body.count;
    const results = await times(() => api('POST', `/api/calls/${call.id}/reuse`, { token: t.halden }));
    expect(tally(results.map((r) => r.status))).toEqual({ 200: 19, 201: 1 });
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await api('GET', `/api/calls/${call.id}/reuses`)).body.count).toBe(before + 1);
    await passTime(stack.client, 3_600_000 + 1000);
    expect((await api('POST', `/api/calls/${call.id}/reuse`, { token: t.halden })).status).toBe(201);
  });

  it('outcomes: the first PUT creates once; later PUTs with one If-Match: one 200, no lost update', async () => {
    const call = await openCall(2000);
    await passTime(stack.client, 3000);
    const outcome = (results: string) => ({
      partners: [],
      projectStatus: 'pilot',
      results,
      lessons: '',
      documents: [],
      wouldRecommend: true,
      published: false,
    });
    const first = await Promise.all(
      Array.from({ length: N }, (_, i) => api('PUT', `/api/calls/${call.id}/outcome`, { token: t.fredrikstad, body: outcome(`første ${i}`) })),
    );
    expect(first.filter((r) => r.status === 200)).toHaveLength(1);
    expect(first.every((r) => [200, 412, 428].includes(r.status))).toBe(true);
    const later = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        api('PUT', `/api/calls/${call.id}/outcome`, { token: t.fredrikstad, body: outcome(`skrevet av ${i}`), headers: { 'if-match': '"1"' } }),
      ),
    );
    const acknowledged = later.filter((r) => r.status === 200);
    expect(acknowledged).toHaveLength(1);
    expect(tally(later.map((r) => r.status))).toEqual({ 200: 1, 412: 19 });
    // The acknowledged write is the one stored: nothing lost.
    const stored = await api('GET', `/api/calls/${call.id}/outcome`, { token: t.fredrikstad });
    expect(stored.body.results).toBe(acknowledged[0]!.body.results);
    expect(stored.headers.get('etag')).toBe('"2"');
  });

  it('memberships: one request (201) and one decision (200)', async () => {
    let company: (typeof COMPANIES)[number] | undefined;
    let token = '';
    for (const c of COMPANIES) {
      token = await stack.client.login(`user-${c.id}`);
      const mine = await api('GET', '/api/me/memberships', { token });
      if (!mine.body.items.some((m: any) => m.associationId === A0.id)) {
        company = c;
        break;
      }
    }
    expect(company).toBeDefined();
    const asked = await times(() => api('POST', `/api/associations/${A0.id}/memberships`, { token }));
    expect(tally(asked.map((r) => r.status))).toEqual({ 201: 1, 409: 19 });
    const decided = await times(() =>
      api('POST', `/api/associations/${A0.id}/memberships/${company!.id}/decision`, { token: t.association, body: { decision: 'accept' } }),
    );
    expect(decided.filter((r) => r.status === 200)).toHaveLength(1);
    expect(decided.every((r) => [200, 409].includes(r.status))).toBe(true);
  });

  it('subscriptions: 30 creates stop at the cap of 25; one Idempotency-Key makes one; a delete deletes once', async () => {
    await confirmAddress(COMPANIES[2]!.id, 'cap@bedrift.example', new Date().toISOString());
    const token = await stack.client.login(`user-${COMPANIES[2]!.id}`);
    const existing = (await api('GET', '/api/me/subscriptions', { token })).body.items.length;
    const body = (i: number) => ({ name: `Søk ${i}`, filters: {}, frequency: 'weekly', email: 'cap@bedrift.example' });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => api('POST', '/api/me/subscriptions', { token, body: body(i) })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(25 - existing);
    expect((await api('GET', '/api/me/subscriptions', { token })).body.items).toHaveLength(25);
    const victim = results.find((r) => r.status === 201)!.body.id;
    const del = await times(() => api('DELETE', `/api/me/subscriptions/${victim}`, { token }));
    expect(tally(del.map((r) => r.status))).toEqual({ 204: 1, 404: 19 });
    const keyed = await times(() => api('POST', '/api/me/subscriptions', { token, body: body(99), headers: { 'idempotency-key': 'sub-create-0001' } }));
    expect(new Set(keyed.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    expect((await api('GET', '/api/me/subscriptions', { token })).body.items).toHaveLength(25);
  });

  it('PUT /api/companies/{orgNumber}: twenty identical profiles leave one profile', async () => {
    const c = COMPANIES[3]!;
    const token = await stack.client.login(`user-${c.id}`);
    const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...profile } = (await api('GET', `/api/companies/${c.id}`)).body;
    const results = await times(() => api('PUT', `/api/companies/${c.id}`, { token, body: profile }));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await api('GET', `/api/companies/${c.id}`)).body.name).toBe(profile.name);
  });
});

describe('the open-draft cap', () => {
  it('stops at 200 open drafts per municipality under parallel creates; publishing frees a slot', async () => {
    const have = (await ownDrafts(t.hvaler)).length;
    const body = callBody({ deadline: new Date((await serverNow(stack.client)) + 30 * DAY).toISOString() });
    for (let made = have; made < 190; made += 20) {
      await Promise.all(Array.from({ length: Math.min(20, 190 - made) }, () => api('POST', '/api/calls', { token: t.hvaler, body })));
    }
    const burst = await Promise.all(Array.from({ length: 30 }, () => api('POST', '/api/calls', { token: t.hvaler, body })));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = burst.find((r) => r.status === 409)!;
    expect(refused.body.type).toMatch(/draft-limit$/);
    const drafts = await ownDrafts(t.hvaler);
    expect(drafts).toHaveLength(200);
    expect((await api('POST', `/api/calls/${drafts[0].id}/publish`, { token: t.hvaler })).status).toBe(200);
    expect((await api('POST', '/api/calls', { token: t.hvaler, body })).status).toBe(201);
  });
});
