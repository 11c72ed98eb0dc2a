import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody, sleep } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};
let fredrikstadCall: string;

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany', 'programme', 'association'] as const) {
    t[who] = await stack.client.login(users[who]);
  }
  const mine = await stack.client.call('GET', '/api/calls?mine=true&status=open&limit=1', { token: t.fredrikstad });
  fredrikstadCall = mine.body.items[0].id;
});
afterAll(() => stack?.close());

const matches = (id: string, token?: string, limit = 10) => stack.client.call('GET', `/api/calls/${id}/matches?limit=${limit}`, { token });

describe('suggested partners for a call', () => {
  it("ranks companies with reasons for the call's own municipality", async () => {
    const res = await matches(fredrikstadCall, t.fredrikstad, 8);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(8);
    const scores = res.body.items.map((m: any) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const m of res.body.items) {
      expect(m.reasons.length).toBeGreaterThan(0);
      const sum = m.reasons.reduce((s: number, r: any) => s + r.points, 0);
      expect(Math.abs(sum - m.score)).toBeLessThan(0.05);
      expect(m.reasons[0].text.nb).toEqual(expect.any(String));
    }
  });

  it('is shown to the programme owner too', async () => {
    expect((await matches(fredrikstadCall, t.programme)).status).toBe(200);
  });

  it('is kept from companies, other municipalities, associations (403) and anonymous callers (401)', async () => {
    expect((await matches(fredrikstadCall, t.sarpsborgCompany)).status).toBe(403);
    expect((await matches(fredrikstadCall, t.halden)).status).toBe(403);
    expect((await matches(fredrikstadCall, t.association)).status).toBe(403);
    expect((await matches(fredrikstadCall)).status).toBe(401);
  });

  it("does not reveal another municipality's draft, even to the programme owner (404)", async () => {
    const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    expect((await matches(draft.body.id, t.programme)).status).toBe(404);
    expect((await matches(draft.body.id, t.fredrikstad)).status).toBe(200);
  });

  it('picks up a changed company profile within seconds', async () => {
    const created = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({
        title: 'Fluxkapasitor for kommunale kjøretøy',
        summary: 'Vi søker fluxkapasitor-kompetanse.',
        description: 'Kommunen vil prøve en fluxkapasitor i driftsbilene.',
        cpvCodes: [],
      }),
    });
    const id = created.body.id;
    const before = await matches(id, t.fredrikstad, 3);
    expect(before.body.items.map((m: any) => m.orgNumber)).not.toContain(companies.sarpsborg.id);

    const profile = await stack.client.call('GET', `/api/companies/${companies.sarpsborg.id}`);
    const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...body } = profile.body;
    const put = await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, {
      token: t.sarpsborgCompany,
      body: { ...body, capabilities: [...body.capabilities, 'fluxkapasitor'] },
    });
    expect(put.status).toBe(200);

    let top: string | undefined;
    for (let i = 0; i < 30 && top !== companies.sarpsborg.id; i++) {
      await sleep(200);
      top = (await matches(id, t.fredrikstad, 1)).body.items[0]?.orgNumber;
    }
    expect(top).toBe(companies.sarpsborg.id);
  });
});

describe('locality and SME as a stated preference of the call', () => {
  const signals = (items: any[]) => new Set(items.flatMap((m: any) => m.reasons.map((r: any) => r.signal)));

  it('are off for a competition, on for market dialogue, and what the call states wins', async () => {
    const body = {
      title: 'Sensorer i avfallsbeholdere',
      summary: 'Fyllingssensorer som melder når beholderen er full.',
      description: 'Vi vil tømme beholdere ved behov, ikke etter fast rute.',
      cpvCodes: [],
    };
    const competition = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({ ...body, procedure: 'innovation-partnership' }),
    });
    expect(competition.status).toBe(201);
    expect(competition.body.matchPreferences).toBeUndefined();
    const off = await matches(competition.body.id, t.fredrikstad, 10);
    expect(off.status).toBe(200);
    expect(signals(off.body.items).has('locality')).toBe(false);
    expect(signals(off.body.items).has('sme')).toBe(false);
    for (const m of off.body.items) expect(Math.abs(m.reasons.reduce((s: number, r: any) => s + r.points, 0) - m.score)).toBeLessThan(0.05);

    const dialogue = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ ...body, procedure: 'market-dialogue' }) });
    const on = await matches(dialogue.body.id, t.fredrikstad, 10);
    expect(signals(on.body.items).has('sme')).toBe(true);
    const locality = on.body.items.flatMap((m: any) => m.reasons).find((r: any) => r.signal === 'locality');
    if (locality) expect(locality.text.en).toMatch(/tie-breaker/);

    // The municipality turns locality on for the competition (SME stays off); the call shows the choice.
    const got = await stack.client.call('GET', `/api/calls/${competition.body.id}`, { token: t.fredrikstad });
    const patched = await stack.client.call('PATCH', `/api/calls/${competition.body.id}`, {
      token: t.fredrikstad,
      body: { matchPreferences: { locality: true } },
      headers: { 'if-match': `"${got.body.version}"` },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.matchPreferences).toEqual({ locality: true });
    const chosen = await matches(competition.body.id, t.fredrikstad, 10);
    expect(signals(chosen.body.items).has('sme')).toBe(false);
  });

  it('rejects unknown preference fields (strict body)', async () => {
    const bad = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ matchPreferences: { locality: true, price: true } }) });
    expect(bad.status).toBe(400);
  });
});

describe('calls for a company', () => {
  it("ranks open calls for the caller's company with reasons", async () => {
    const res = await stack.client.call('GET', '/api/me/matches?limit=5', { token: t.sarpsborgCompany });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    const scores = res.body.items.map((m: any) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.body.items[0]).toMatchObject({ callId: expect.any(String), municipalityName: expect.any(String), reasons: expect.any(Array) });
  });

  it('is for company users only', async () => {
    expect((await stack.client.call('GET', '/api/me/matches', { token: t.fredrikstad })).status).toBe(403);
    expect((await stack.client.call('GET', '/api/me/matches')).status).toBe(401);
  });
});

describe("the programme owner's partner slate", () => {
  it('staffs every open call without putting any company over its capacity, and says it is optimal', async () => {
    const open = await stack.client.call('GET', '/api/calls?status=open&limit=100');
    const res = await stack.client.call('POST', '/api/programme/slate', { token: t.programme, body: { partnersPerCall: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.callId).sort()).toEqual(open.body.items.map((c: any) => c.id).sort());
    expect(res.body.evidence.optimal).toBe(true);
    const load = new Map<string, { n: number; capacity: number }>();
    for (const item of res.body.items) {
      expect(item.partners).toHaveLength(2);
      expect(new Set(item.partners.map((p: any) => p.orgNumber)).size).toBe(2);
      for (const p of item.partners) {
        const l = load.get(p.orgNumber) ?? { n: 0, capacity: p.capacity };
        l.n++;
        load.set(p.orgNumber, l);
      }
    }
    for (const l of load.values()) expect(l.n).toBeLessThanOrEqual(l.capacity);
    const total = res.body.items.flatMap((i: any) => i.partners).reduce((s: number, p: any) => s + p.score, 0);
    expect(Math.abs(total - res.body.total)).toBeLessThan(0.05);
  });

  it('takes named calls, and refuses ones that are not open', async () => {
    const ok = await stack.client.call('POST', '/api/programme/slate', { token: t.programme, body: { callIds: [fredrikstadCall] } });
    expect(ok.body.items).toHaveLength(1);
    const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    const bad = await stack.client.call('POST', '/api/programme/slate', { token: t.programme, body: { callIds: [draft.body.id, 'nope'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveLength(2);
  });

  it('is computed for the programme owner only, with a strict body', async () => {
    expect((await stack.client.call('POST', '/api/programme/slate', { token: t.fredrikstad, body: {} })).status).toBe(403);
    expect((await stack.client.call('POST', '/api/programme/slate', { token: t.sarpsborgCompany, body: {} })).status).toBe(403);
    expect((await stack.client.call('POST', '/api/programme/slate', { body: {} })).status).toBe(401);
    const strict = await stack.client.call('POST', '/api/programme/slate', { token: t.programme, body: { partnersPerCall: 9, algorithm: 'greedy' } });
    expect(strict.status).toBe(400);
    expect(strict.body.errors.map((e: any) => e.path).sort()).toEqual(['algorithm', 'partnersPerCall']);
  });
});
