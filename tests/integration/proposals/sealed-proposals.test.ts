import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestStack, callBody, proposalBody, sleep, passTime, serverNow } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany', 'otherCompany', 'programme', 'association'] as const) {
    t[who] = await stack.client.login(users[who]);
  }
});
afterAll(() => stack?.close());

async function openCall(deadlineInMs: number) {
  const created = await stack.client.call('POST', '/api/calls', {
    token: t.fredrikstad,
    body: callBody({ deadline: new Date((await serverNow(stack.client)) + deadlineInMs).toISOString() }),
  });
  await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: t.fredrikstad });
  return created.body.id as string;
}

const mine = (id: string) => `/api/calls/${id}/proposals/mine`;

describe('a company answers an open call', () => {
  it('creates its proposal (201), updates it (200) and reads it back', async () => {
    const id = await openCall(60_000);
    const first = await stack.client.call('PUT', mine(id), { token: t.sarpsborgCompany, body: proposalBody() });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ callId: id, orgNumber: companies.sarpsborg.id, companyName: companies.sarpsborg.name });
    const second = await stack.client.call('PUT', mine(id), { token: t.sarpsborgCompany, body: proposalBody({ priceNok: 299000 }) });
    expect(second.status).toBe(200);
    const read = await stack.client.call('GET', mine(id), { token: t.sarpsborgCompany });
    expect(read.body.priceNok).toBe(299000);
    expect((await stack.client.call('GET', mine(id), { token: t.otherCompany })).status).toBe(404);
  });

  it('leaves exactly one proposal after twenty identical concurrent PUTs, all answered 200 or 201', async () => {
    const id = await openCall(60_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => stack.client.call('PUT', mine(id), { token: t.otherCompany, body: proposalBody() })));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const listed = await stack.client.call('GET', '/api/me/proposals?limit=100', { token: t.otherCompany });
    expect(listed.body.items.filter((p: any) => p.callId === id)).toHaveLength(1);
  });

  it("cannot answer a draft (404), a cancelled call (409) or its own organisation's wrong role (403)", async () => {
    const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    expect((await stack.client.call('PUT', mine(draft.body.id), { token: t.sarpsborgCompany, body: proposalBody() })).status).toBe(404);
    const id = await openCall(60_000);
    await stack.client.call('POST', `/api/calls/${id}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
    expect((await stack.client.call('PUT', mine(id), { token: t.sarpsborgCompany, body: proposalBody() })).status).toBe(409);
    expect((await stack.client.call('PUT', mine(id), { token: t.halden, body: proposalBody() })).status).toBe(403);
  });

  it('withdraws before the deadline (204) and then has none (404)', async () => {
    const id = await openCall(60_000);
    await stack.client.call('PUT', mine(id), { token: t.sarpsborgCompany, body: proposalBody() });
    expect((await stack.client.call('DELETE', mine(id), { token: t.sarpsborgCompany })).status).toBe(204);
    expect((await stack.client.call('GET', mine(id), { token: t.sarpsborgCompany })).status).toBe(404);
    expect((await stack.client.call('DELETE', mine(id), { token: t.sarpsborgCompany })).status).toBe(404);
  });
});

describe('proposals are sealed until the deadline', () => {
  it('keeps them from everyone before the deadline, the owner included, and opens them to the owner after', async () => {
    const id = await openCall(2500);
    await stack.client.call('PUT', mine(id), { token: t.sarpsborgCompany, body: proposalBody() });
    await stack.client.call('PUT', mine(id), { token: t.otherCompany, body: proposalBody({ summary: 'Et annet tilbud med egen tekst.' }) });
    const path = `/api/calls/${id}/proposals`;

    const early = await stack.client.call('GET', path, { token: t.fredrikstad });
    expect(early.status).toBe(403);
    expect(early.body.detail).toMatch(/sealed until \d{4}-\d{2}-\d{2}T/);
    for (const who of ['halden', 'sarpsborgCompany', 'programme', 'association']) {
      expect((await stack.client.call('GET', path, { token: t[who] })).status).toBe(403);
    }
    expect((await stack.client.call('GET', path)).status).toBe(401);

    await passTime(stack.client, 2700);
    // Reading needs an impartiality declaration first (403 …impartiality-required until then).
    const undeclared = await stack.client.call('GET', path, { token: t.fredrikstad });
    expect(undeclared.status).toBe(403);
    expect(undeclared.body.type).toMatch(/impartiality-required$/);
    expect((await stack.client.call('POST', `/api/calls/${id}/impartiality`, { token: t.fredrikstad, body: { impartial: true } })).status).toBe(201);
    const late = await stack.client.call('GET', path, { token: t.fredrikstad });
    expect(late.status).toBe(200);
    expect(late.body.items.map((p: any) => p.orgNumber).sort()).toEqual([companies.sarpsborg.id, companies.other.id].sort());
    expect((await stack.client.call('GET', path, { token: t.halden })).status).toBe(403);
    expect((await stack.client.call('GET', path, { token: t.sarpsborgCompany })).status).toBe(403);

    // After the deadline nothing changes any more.
    expect((await stack.client.call('PUT', mine(id), { token: t.sarpsborgCompany, body: proposalBody() })).status).toBe(409);
    expect((await stack.client.call('DELETE', mine(id), { token: t.sarpsborgCompany })).status).toBe(409);
  });

  it('writes a structured audit event for every read attempt', async () => {
    const id = await openCall(60_000);
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await stack.client.call('GET', `/api/calls/${id}/proposals`, { token: t.fredrikstad });
      await stack.client.call('GET', `/api/calls/${id}/proposals`, { token: t.sarpsborgCompany });
    } finally {
      spy.mockRestore();
    }
    const events = lines
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.includes('"audit":true'))
      .map((l) => JSON.parse(l));
    expect(events).toEqual([
      expect.objectContaining({ event: 'proposals.read.denied', reason: 'sealed', callId: id, orgId: '3107' }),
      expect.objectContaining({ event: 'proposals.read.denied', reason: 'not-owner', callId: id, orgId: companies.sarpsborg.id }),
    ]);
  });
});

describe("a company's own proposals", () => {
  it('lists them newest first with where each call stands', async () => {
    const a = await openCall(60_000);
    const b = await openCall(60_000);
    await stack.client.call('PUT', mine(a), { token: t.sarpsborgCompany, body: proposalBody() });
    await sleep(5);
    await stack.client.call('PUT', mine(b), { token: t.sarpsborgCompany, body: proposalBody() });
    const res = await stack.client.call('GET', '/api/me/proposals?limit=2', { token: t.sarpsborgCompany });
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: any) => p.callId)).toEqual([b, a]);
    expect(res.body.items[0]).toMatchObject({ callStatus: 'open', municipalityName: 'Fredrikstad', callTitle: expect.any(String) });
    expect(res.body.nextCursor).toEqual(expect.any(String));
  });
});
