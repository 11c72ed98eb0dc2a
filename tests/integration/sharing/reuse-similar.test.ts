import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { seedSharing } from '../../../infra/local/seed-sharing.js';
import { CALL_TEMPLATES } from '../../../infra/local/demo-data.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};

const MUNIS = { fredrikstad: '3107', sarpsborg: '3105', halden: '3101', hvaler: '3110' } as const;
const call = (method: string, path: string, token?: string, body?: unknown) => stack.client.call(method, path, { token, body });

/** A demo call of one municipality, by the template it was made from. */
async function demo(code: string, template: number, status?: string): Promise<any> {
  const res = await call('GET', `/api/calls?municipality=${code}&limit=100${status ? `&status=${status}` : ''}`);
  return res.body.items.find((c: any) => c.title === CALL_TEMPLATES[template]!.title);
}

beforeAll(async () => {
  stack = await startTestStack();
  await seedSharing(new Date());
  await seedSharing(new Date(Date.now() + 60_000)); // idempotent, even with a later clock
  t.hvaler = await stack.client.login('user-3110');
  for (const who of ['fredrikstad', 'sarpsborg', 'halden', 'sarpsborgCompany'] as const) t[who] = await stack.client.login(users[who]);
});
afterAll(() => stack?.close());

describe('reusing a call', () => {
  it("creates a draft in the caller's municipality that remembers where it came from", async () => {
    const original = await demo(MUNIS.fredrikstad, 0, 'open');
    const res = await call('POST', `/api/calls/${original.id}/reuse`, t.sarpsborg);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/calls/${res.body.id}`);
    const copy = res.body;
    expect(copy).toMatchObject({
      municipalityCode: '3105',
      municipalityName: 'Sarpsborg',
      status: 'draft',
      version: 1,
      title: original.title,
      summary: original.summary,
      description: original.description,
      domains: original.domains,
      cpvCodes: original.cpvCodes,
      procedure: original.procedure,
      budgetNok: original.budgetNok,
      derivedFrom: { callId: original.id, municipalityCode: '3107', municipalityName: 'Fredrikstad', title: original.title },
    });
    expect(copy.id).not.toBe(original.id);
    // A fresh deadline: 30 days ahead at 12:00 in Norway.
    const days = (Date.parse(copy.deadline) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThan(31);
    expect(copy.deadline).toMatch(/T1[01]:00:00\.000Z$/);
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(new Date(copy.deadline));
    expect(hour).toBe('12');

    const read = await call('GET', `/api/calls/${copy.id}`, t.sarpsborg);
    expect(read.body.derivedFrom).toMatchObject({ callId: original.id, municipalityCode: '3107', title: original.title });
    expect((await call('GET', `/api/calls/${copy.id}`, t.fredrikstad)).status).toBe(404);

    const reuses = await call('GET', `/api/calls/${original.id}/reuses`);
    expect(reuses.status).toBe(200);
    expect(reuses.body.count).toBe(1);
    expect(reuses.body.items).toEqual([{ municipalityCode: '3105', municipalityName: 'Sarpsborg', reusedAt: expect.any(String) }]);

    // Once the reusing call is published it is linked from the original.
    expect((await call('POST', `/api/calls/${copy.id}/publish`, t.sarpsborg)).status).toBe(200);
    const after = await call('GET', `/api/calls/${original.id}/reuses`);
    expect(after.body.items[0].callId).toBe(copy.id);
  });

  it("counts every reuse, newest first, the owner's own included", async () => {
    const original = await demo(MUNIS.sarpsborg, 1, 'open');
    expect((await call('POST', `/api/calls/${original.id}/reuse`, t.halden)).status).toBe(201);
    expect((await call('POST', `/api/calls/${original.id}/reuse`, t.sarpsborg)).status).toBe(201);
    const reuses = await call('GET', `/api/calls/${original.id}/reuses`);
    expect(reuses.body.count).toBe(2);
    expect(reuses.body.items.map((r: any) => r.municipalityCode)).toEqual(['3105', '3101']);
    expect(reuses.body.items.every((r: any) => r.callId === undefined)).toBe(true);
  });

  it("reuses closed calls too, but not drafts: another municipality's draft is 404, one's own 409", async () => {
    const closed = await demo(MUNIS.halden, 0, 'closed');
    expect((await call('POST', `/api/calls/${closed.id}/reuse`, t.fredrikstad)).status).toBe(201);
    const draft = await call('POST', '/api/calls', t.fredrikstad, callBody());
    expect((await call('POST', `/api/calls/${draft.body.id}/reuse`, t.sarpsborg)).status).toBe(404);
    expect((await call('POST', `/api/calls/${draft.body.id}/reuse`, t.fredrikstad)).status).toBe(409);
    expect((await call('GET', `/api/calls/${draft.body.id}/reuses`)).status).toBe(404);
  });

  // Skipped until functions/calls/update-call.ts leaves derivedFrom out of the fields it re-validates with the strict
  // callInputSchema (today: 400 "Unknown property derivedFrom"). Unskip once that one-line fix is in.
  it('can be edited like any draft, keeping its provenance', async () => {
    const original = await demo(MUNIS.fredrikstad, 0, 'open');
    const copy = (await call('POST', `/api/calls/${original.id}/reuse`, t.halden)).body;
    const res = await stack.client.call('PATCH', `/api/calls/${copy.id}`, {
      token: t.halden,
      body: { title: 'Parkering i Halden sentrum' },
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Parkering i Halden sentrum', version: 2, derivedFrom: { callId: original.id } });
  });

  it('is for municipality users: companies 403, anonymous 401', async () => {
    const original = await demo(MUNIS.fredrikstad, 0, 'open');
    expect((await call('POST', `/api/calls/${original.id}/reuse`, t.sarpsborgCompany)).status).toBe(403);
    expect((await call('POST', `/api/calls/${original.id}/reuse`)).status).toBe(401);
  });
});

describe('similar calls and lessons', () => {
  let draftId: string;
  beforeAll(async () => {
    const res = await call(
      'POST',
      '/api/calls',
      t.fredrikstad,
      callBody({
        title: 'Ledige parkeringsplasser i sanntid',
        summary: 'Sensorer som viser ledige parkeringsplasser for bilistene.',
        description: 'Vi vil prøve sensorer og en app som viser ledige parkeringsplasser i sentrum, slik at det blir mindre leting.',
        domains: ['mobility'],
        cpvCodes: ['38730000'],
      }),
    );
    draftId = res.body.id;
  });

  it("ranks other municipalities' published calls with reasons, and the lessons they left", async () => {
    const res = await call('GET', `/api/calls/${draftId}/similar`, t.fredrikstad);
    expect(res.status).toBe(200);
    const { calls, lessons } = res.body;
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(5);
    expect(calls.every((c: any) => c.municipalityCode !== '3107')).toBe(true);
    expect(calls.every((c: any) => c.status === 'open' || c.status === 'closed')).toBe(true);
    const scores = calls.map((c: any) => c.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const parking = calls[0];
    expect(parking.title).toBe(CALL_TEMPLATES[0]!.title);
    const reasons = parking.reasons.map((r: any) => r.nb);
    expect(reasons).toContain('Samme område: Mobilitet');
    expect(reasons).toContain('Samme CPV-kode 38730000');
    expect(reasons.find((r: string) => r.startsWith('Felles ord:'))).toMatch(/parkering/);
    expect(parking.reasons.every((r: any) => r.en.length > 0)).toBe(true);
    // Halden's parking pilot left a published lesson (demo data).
    expect(lessons[0]).toMatchObject({ municipalityName: 'Halden', callTitle: CALL_TEMPLATES[0]!.title, projectStatus: 'pilot' });
    expect(lessons.length).toBeLessThanOrEqual(5);
  });

  it("is for the call's own municipality: others 403 (404 for a draft), companies 403, anonymous 401", async () => {
    const open = await demo(MUNIS.fredrikstad, 0, 'open');
    expect((await call('GET', `/api/calls/${open.id}/similar`, t.fredrikstad)).status).toBe(200);
    expect((await call('GET', `/api/calls/${open.id}/similar`, t.sarpsborg)).status).toBe(403);
    expect((await call('GET', `/api/calls/${draftId}/similar`, t.sarpsborg)).status).toBe(404);
    expect((await call('GET', `/api/calls/${draftId}/similar`, t.sarpsborgCompany)).status).toBe(403);
    expect((await call('GET', `/api/calls/${draftId}/similar`)).status).toBe(401);
  });
});

describe('similar needs across municipalities', () => {
  const needs = async (who: string) => {
    const res = await call('GET', '/api/me/similar-needs', t[who]);
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };

  it('tells both municipalities about the same need, with reasons and a suggestion', async () => {
    const hvaler = await needs('hvaler');
    const pair = hvaler.find((p) => p.theirs.municipalityCode === '3107' && p.theirs.title === 'Sanntidsmåling av badevann ved strendene');
    expect(pair).toBeDefined();
    expect(pair.mine.title).toBe(CALL_TEMPLATES[2]!.title);
    // Fredrikstad's draft is named, not linked.
    expect(pair.theirs).toMatchObject({ status: 'draft', municipalityName: 'Fredrikstad' });
    expect(pair.theirs.callId).toBeUndefined();
    expect(pair.suggestion.nb).toBe('Fredrikstad arbeider med et lignende behov. Vurder en felles utlysning.');
    expect(pair.suggestion.en).toContain('Fredrikstad');
    expect(pair.reasons.map((r: any) => r.nb).join(' | ')).toMatch(/Felles ord: .*badevann/);

    const fredrikstad = await needs('fredrikstad');
    const back = fredrikstad.find((p) => p.mine.title === 'Sanntidsmåling av badevann ved strendene' && p.theirs.municipalityCode === '3110');
    expect(back).toMatchObject({ theirs: { callId: pair.mine.callId, status: 'open', municipalityName: 'Hvaler' }, score: pair.score });
  });

  it('is symmetric: every pair one municipality sees, the other sees too, with the same score', async () => {
    for (const [a, b] of [
      ['fredrikstad', 'hvaler'],
      ['sarpsborg', 'halden'],
      ['fredrikstad', 'sarpsborg'],
    ] as const) {
      const codeA = { fredrikstad: '3107', hvaler: '3110', sarpsborg: '3105', halden: '3101' }[a];
      const codeB = { fredrikstad: '3107', hvaler: '3110', sarpsborg: '3105', halden: '3101' }[b];
      const key = (mine: any, theirs: any) => `${mine.title}|${theirs.title}`;
      const fromA = new Map((await needs(a)).filter((p) => p.theirs.municipalityCode === codeB).map((p) => [key(p.mine, p.theirs), p.score]));
      const fromB = new Map((await needs(b)).filter((p) => p.theirs.municipalityCode === codeA).map((p) => [key(p.theirs, p.mine), p.score]));
      expect(fromA).toEqual(fromB);
    }
  });

  it("never lists the caller's own calls, and only open or draft ones", async () => {
    for (const who of ['fredrikstad', 'hvaler', 'sarpsborg', 'halden']) {
      const code = { fredrikstad: '3107', hvaler: '3110', sarpsborg: '3105', halden: '3101' }[who];
      for (const p of await needs(who)) {
        expect(p.theirs.municipalityCode).not.toBe(code);
        expect(['open', 'draft']).toContain(p.theirs.status);
        expect(['open', 'draft']).toContain(p.mine.status);
      }
    }
  });

  it('is for municipality users only', async () => {
    expect((await call('GET', '/api/me/similar-needs', t.sarpsborgCompany)).status).toBe(403);
    expect((await call('GET', '/api/me/similar-needs')).status).toBe(401);
  });
});

describe('demo data for sharing', () => {
  it('has published lessons with partners, hides the unpublished one, and reuse chains (seeded once)', async () => {
    const lessons = (await call('GET', '/api/lessons?limit=100')).body.items;
    expect(lessons.length).toBeGreaterThanOrEqual(4);
    expect(lessons.every((l: any) => l.partners.length > 0)).toBe(true);
    expect(lessons.map((l: any) => l.municipalityCode)).not.toContain('3103');
    const moss = await demo('3103', 2, 'closed');
    expect((await call('GET', `/api/calls/${moss.id}/outcome`)).status).toBe(404);
    expect((await call('GET', `/api/calls/${moss.id}/outcome`, await stack.client.login('user-3103'))).body.published).toBe(false);

    const haldenParking = await demo(MUNIS.halden, 0, 'closed');
    const reuses = (await call('GET', `/api/calls/${haldenParking.id}/reuses`)).body;
    // Two from the seed (run twice above) and one from the test that reused it.
    expect(
      reuses.items
        .filter((r: any) => r.municipalityCode !== '3107')
        .map((r: any) => r.municipalityCode)
        .sort(),
    ).toEqual(['3105', '3112']);
    const gatelys = await demo(MUNIS.fredrikstad, 1, 'closed');
    expect((await call('GET', `/api/calls/${gatelys.id}/reuses`)).body.count).toBe(1);
  });
});
