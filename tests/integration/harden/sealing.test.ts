/**
 * Issue 7, finding 1: sealing could be bent by moving a published call's deadline earlier, and a published
 * call could be rewritten silently. A published call now changes only forward, with a recorded reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, passTime, proposalBody, serverNow, startTestStack } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};
const DAY = 86_400_000;

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany'] as const) t[who] = await stack.client.login(users[who]);
});
afterAll(() => stack?.close());

async function openCall(deadlineInMs = 10 * DAY) {
  const deadline = new Date((await serverNow(stack.client)) + deadlineInMs).toISOString();
  const { body: draft } = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline }) });
  const { body: call } = await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: t.fredrikstad });
  return call;
}
const patch = (call: { id: string; version: number }, body: Record<string, unknown>, token = t.fredrikstad) =>
  stack.client.call('PATCH', `/api/calls/${call.id}`, { token, body, headers: { 'if-match': `"${call.version}"` } });
const note = 'Vi retter en skrivefeil i teksten.';

describe('a published call changes only forward', () => {
  it('refuses to move the deadline earlier (409 deadline-shortened), so proposals stay sealed', async () => {
    const call = await openCall();
    expect((await stack.client.call('PUT', `/api/calls/${call.id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() })).status).toBe(201);
    const soon = new Date((await serverNow(stack.client)) + 2000).toISOString();
    const res = await patch(call, { deadline: soon, changeNote: 'Vi har det travelt nå.' });
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/deadline-shortened$/);
    await passTime(stack.client, 3000);
    const read = await stack.client.call('GET', `/api/calls/${call.id}/proposals`, { token: t.fredrikstad });
    expect(read.status).toBe(403);
    expect(
      (await stack.client.call('PUT', `/api/calls/${call.id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody({ priceNok: 1 }) })).status,
    ).toBe(200);
  });

  it('needs a changeNote of 10–2,000 characters (400 without it)', async () => {
    const call = await openCall();
    const res = await patch(call, { title: 'Ny tittel på utlysningen' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ path: 'changeNote', message: expect.any(String) });
    expect((await patch(call, { title: 'Ny tittel', changeNote: 'kort' })).status).toBe(400);
    expect((await patch(call, { title: 'Ny tittel', changeNote: 'x'.repeat(2001) })).status).toBe(400);
  });

  it('records every change (who, when, why, before and after), public without who', async () => {
    const call = await openCall();
    const later = new Date(Date.parse(call.deadline) + DAY).toISOString();
    const res = await patch(call, { title: 'Rettet tittel', budgetNok: { min: 1, max: 2 }, deadline: later, changeNote: note });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changeCount: 1, lastChangedAt: expect.any(String), version: call.version + 1 });
    expect(res.body).not.toHaveProperty('lastChange');
    const pub = await stack.client.call('GET', `/api/calls/${call.id}/changes`);
    expect(pub.status).toBe(200);
    expect(pub.body.items).toHaveLength(1);
    const [c] = pub.body.items;
    expect(c).not.toHaveProperty('changedBy');
    expect(c).toMatchObject({ version: call.version + 1, note });
    expect(c.fields).toEqual(
      expect.arrayContaining([
        { name: 'title', before: call.title, after: 'Rettet tittel' },
        { name: 'deadline', before: call.deadline, after: later },
        { name: 'budgetNok', before: call.budgetNok, after: { min: 1, max: 2 } },
      ]),
    );
    expect(c.fields).toHaveLength(3);
    const own = await stack.client.call('GET', `/api/calls/${call.id}/changes`, { token: t.fredrikstad });
    expect(own.body.items[0].changedBy).toBe(users.fredrikstad);
    // A second change goes after the first.
    await patch(res.body, { summary: 'En ny og bedre oppsummering.', changeNote: note });
    const both = await stack.client.call('GET', `/api/calls/${call.id}/changes`);
    expect(both.body.items.map((i: any) => i.version)).toEqual([call.version + 1, call.version + 2]);
  });

  it('needs six days left after a correction made close to the deadline (409 deadline-too-close)', async () => {
    const call = await openCall(3 * DAY);
    const res = await patch(call, { title: 'Rettet tittel', changeNote: note });
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/deadline-too-close$/);
    const earliest = /(\d{4}-\d\d-\d\dT[\d:.]+Z)/.exec(res.body.detail)![1]!;
    expect(Date.parse(earliest) - (await serverNow(stack.client))).toBeGreaterThan(6 * DAY - 60_000);
    // Moving the deadline alone is fine; with the title, it must reach the earliest allowed deadline.
    const ok = await patch(call, { title: 'Rettet tittel', deadline: new Date(Date.parse(earliest) + 60_000).toISOString(), changeNote: note });
    expect(ok.status).toBe(200);
  });

  it("keeps a draft's change log empty, and a draft's log a 404 to others", async () => {
    const { body: draft } = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({ deadline: new Date((await serverNow(stack.client)) + 10 * DAY).toISOString() }),
    });
    expect((await patch(draft, { title: 'Utkastet endres fritt' })).status).toBe(200);
    expect((await stack.client.call('GET', `/api/calls/${draft.id}/changes`, { token: t.fredrikstad })).body).toEqual({ items: [] });
    expect((await stack.client.call('GET', `/api/calls/${draft.id}/changes`, { token: t.halden })).status).toBe(404);
    expect((await stack.client.call('GET', `/api/calls/${draft.id}/changes`)).status).toBe(404);
  });
});

describe('a deadline is at most two years ahead', () => {
  it('refuses year 9999 on create, on edit and three years ahead', async () => {
    const far = '9999-12-31T23:00:00Z';
    expect((await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline: far }) })).status).toBe(400);
    const threeYears = new Date((await serverNow(stack.client)) + 3 * 365 * DAY).toISOString();
    expect((await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline: threeYears }) })).status).toBe(400);
    const call = await openCall();
    expect((await patch(call, { deadline: far, changeNote: note })).status).toBe(400);
  });
});
