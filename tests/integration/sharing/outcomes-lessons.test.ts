import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody, proposalBody, sleep, passTime, serverNow } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { orgNumberFrom } from '../../../infra/local/demo-data.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};
const id: Record<string, string> = {};

const outcome = (overrides: Record<string, unknown> = {}) => ({
  partners: [companies.sarpsborg.id],
  projectStatus: 'pilot',
  results: 'Sensorene fungerte, og tømmingene gikk ned med en tredel.',
  lessons: 'Ha med driften fra starten og still krav om åpne data.',
  documents: [{ title: 'Sluttrapport', url: 'https://example.no/rapport.pdf' }],
  wouldRecommend: true,
  published: false,
  ...overrides,
});
const put = (callId: string, body: unknown, token?: string, ifMatch?: string) =>
  stack.client.call('PUT', `/api/calls/${callId}/outcome`, { token, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
/** A later PUT needs the current ETag (outcomes are versioned like calls). */
const putLatest = async (callId: string, body: unknown, token: string | undefined) => {
  const current = await stack.client.call('GET', `/api/calls/${callId}/outcome`, { token });
  return put(callId, body, token, current.status === 200 ? current.headers.get('etag')! : undefined);
};
const get = (callId: string, token?: string) => stack.client.call('GET', `/api/calls/${callId}/outcome`, { token });

/** Creates and publishes calls whose deadline is 1.5 s ahead, then waits until all have closed. */
async function closedCalls(specs: { who: string; body: Record<string, unknown>; proposal?: boolean }[]): Promise<string[]> {
  const deadline = new Date((await serverNow(stack.client)) + 1500).toISOString();
  const ids = await Promise.all(
    specs.map(async ({ who, body, proposal }) => {
      const created = await stack.client.call('POST', '/api/calls', { token: t[who], body: callBody({ ...body, deadline }) });
      expect(created.status).toBe(201);
      expect((await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: t[who] })).status).toBe(200);
      if (proposal) {
        const p = await stack.client.call('PUT', `/api/calls/${created.body.id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() });
        expect(p.status).toBe(201);
      }
      return created.body.id as string;
    }),
  );
  await passTime(stack.client, Math.max(0, Date.parse(deadline) - (await serverNow(stack.client))) + 100);
  return ids;
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'sarpsborg', 'halden', 'sarpsborgCompany'] as const) t[who] = await stack.client.login(users[who]);
  const [closed, mobility, energy, halden] = await closedCalls([
    { who: 'fredrikstad', body: {}, proposal: true },
    {
      who: 'fredrikstad',
      body: {
        title: 'Sykkeltelling med sensorer',
        summary: 'Telle syklister automatisk langs hovedrutene.',
        domains: ['mobility'],
        cpvCodes: ['38300000', '73120000'],
        procedure: 'pre-commercial',
      },
    },
    {
      who: 'sarpsborg',
      body: {
        title: 'Varmepumper i idrettshaller',
        summary: 'Mindre energibruk i kommunens idrettshaller.',
        domains: ['energy'],
        cpvCodes: ['09330000'],
        procedure: 'innovation-partnership',
      },
    },
    {
      who: 'halden',
      body: {
        title: 'Smartere brøyting med kjøretøydata',
        summary: 'Brøyteruter styrt av sanntidsdata fra kjøretøyene.',
        domains: ['mobility', 'safety'],
        cpvCodes: ['72212000'],
        procedure: 'market-dialogue',
      },
    },
  ]);
  Object.assign(id, { closed, mobility, energy, halden });
  const open = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
  id.open = open.body.id;
  await stack.client.call('POST', `/api/calls/${id.open}/publish`, { token: t.fredrikstad });
  id.draft = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() })).body.id;
  id.cancelled = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() })).body.id;
  await stack.client.call('POST', `/api/calls/${id.cancelled}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
});
afterAll(() => stack?.close());

describe('recording an outcome', () => {
  it("is for the call's municipality only: anonymous 401, companies and other municipalities 403", async () => {
    expect((await put(id.closed!, outcome())).status).toBe(401);
    expect((await put(id.closed!, outcome(), t.sarpsborgCompany)).status).toBe(403);
    expect((await put(id.closed!, outcome(), t.sarpsborg)).status).toBe(403);
  });

  it("does not reveal another municipality's draft (404)", async () => {
    expect((await put(id.draft!, outcome(), t.sarpsborg)).status).toBe(404);
  });

  it('waits until the call has closed: open, draft and cancelled calls are 409', async () => {
    for (const callId of [id.open!, id.draft!, id.cancelled!]) {
      const res = await put(callId, outcome(), t.fredrikstad);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('names a partner that is not a company on the platform (400)', async () => {
    const unknown = orgNumberFrom(81234560);
    const res = await put(id.closed!, outcome({ partners: [companies.sarpsborg.id, unknown] }), t.fredrikstad);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(unknown);
    expect(res.body.errors).toEqual([{ path: 'partners.1', message: expect.stringContaining(unknown) }]);
  });

  it('refuses an invalid body with field errors (400)', async () => {
    const res = await put(id.closed!, outcome({ projectStatus: 'done', extra: 1 }), t.fredrikstad);
    expect(res.status).toBe(400);
  });

  it('stays private to its municipality until published, then is public; unpublishing hides it again', async () => {
    const saved = await put(id.closed!, outcome(), t.fredrikstad);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      callId: id.closed,
      municipalityCode: '3107',
      published: false,
      partners: [{ orgNumber: companies.sarpsborg.id, name: companies.sarpsborg.name }],
    });
    expect((await get(id.closed!)).status).toBe(404);
    expect((await get(id.closed!, t.sarpsborg)).status).toBe(404);
    expect((await get(id.closed!, t.fredrikstad)).body.published).toBe(false);
    expect((await stack.client.call('GET', '/api/lessons?limit=100')).body.items.map((l: any) => l.callId)).not.toContain(id.closed);

    expect(saved.headers.get('etag')).toBe('"1"');
    expect((await put(id.closed!, outcome({ published: true }), t.fredrikstad, '"1"')).status).toBe(200);
    const pub = await get(id.closed!);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ published: true, projectStatus: 'pilot', wouldRecommend: true });
    const lesson = (await stack.client.call('GET', '/api/lessons?limit=100')).body.items.find((l: any) => l.callId === id.closed);
    expect(lesson).toMatchObject({
      callTitle: 'Smarte søppelkasser i sentrum',
      municipalityName: 'Fredrikstad',
      domains: ['water-waste'],
      cpvCodes: ['90500000'],
      procedure: 'startup-challenge',
    });

    expect((await put(id.closed!, outcome({ published: false }), t.fredrikstad, '"2"')).status).toBe(200);
    expect((await get(id.closed!)).status).toBe(404);
    expect((await stack.client.call('GET', '/api/lessons?limit=100')).body.items.map((l: any) => l.callId)).not.toContain(id.closed);
  });

  it('404s when there is no outcome or no call', async () => {
    expect((await get(id.open!, t.fredrikstad)).status).toBe(404);
    expect((await get('01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
  });
});

describe('the lessons registry', () => {
  beforeAll(async () => {
    // Published one after another, so "newest first" has an order to check.
    for (const [key, who] of [
      ['closed', 'fredrikstad'],
      ['mobility', 'fredrikstad'],
      ['energy', 'sarpsborg'],
      ['halden', 'halden'],
    ] as const) {
      const res = await putLatest(
        id[key]!,
        outcome({
          published: true,
          partners: [],
          results: `Resultater for ${key}.`,
          lessons: key === 'energy' ? 'Varmepumpene krevde ny måling av strømforbruket.' : 'Ingen spesielle.',
        }),
        t[who],
      );
      expect(res.status).toBe(200);
      await sleep(5);
    }
  });

  const lessons = (qs: string) => stack.client.call('GET', `/api/lessons?${qs}`);
  const all = async (qs: string) => (await lessons(`${qs}&limit=100`)).body.items as any[];
  // Demo lessons (when the seed includes them) may be listed too: compare on this file's calls.
  const mine = (items: any[]) => items.map((l) => l.callId).filter((x: string) => Object.values(id).includes(x));

  it('lists published outcomes newest first', async () => {
    const res = await lessons('limit=100');
    expect(res.status).toBe(200);
    expect(mine(res.body.items)).toEqual([id.halden, id.energy, id.mobility, id.closed]);
    const stamps = res.body.items.map((l: any) => l.updatedAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
    expect(res.body.nextCursor).toBeNull();
  });

  it('filters by domain, CPV prefix, municipality, procedure and words', async () => {
    const domain = await all('domain=mobility');
    expect(mine(domain)).toEqual([id.halden, id.mobility]);
    expect(domain.every((l) => l.domains.includes('mobility'))).toBe(true);
    const cpv = await all('cpv=7221');
    expect(mine(cpv)).toEqual([id.halden]);
    expect(cpv.every((l) => l.cpvCodes.some((c: string) => c.startsWith('7221')))).toBe(true);
    expect(mine(await all('cpv=38300000'))).toEqual([id.mobility]);
    expect(mine(await all('cpv=09'))).toEqual([id.energy]);
    const muni = await all('municipality=3107');
    expect(mine(muni)).toEqual([id.mobility, id.closed]);
    expect(muni.every((l) => l.municipalityCode === '3107' && l.municipalityName === 'Fredrikstad')).toBe(true);
    const proc = await all('procedure=innovation-partnership');
    expect(mine(proc)).toEqual([id.energy]);
    expect(proc.every((l) => l.procedure === 'innovation-partnership')).toBe(true);
    expect((await all(`q=${encodeURIComponent('varmepumpene strømforbruket')}`)).map((l) => l.callId)).toEqual([id.energy]);
    expect((await all(`q=${encodeURIComponent('Brøyting')}`)).map((l) => l.callId)).toEqual([id.halden]);
    expect((await all('domain=mobility&municipality=3101')).map((l) => l.callId)).toContain(id.halden);
    expect(mine(await all('domain=education'))).toEqual([]);
  });

  it('pages with a signed cursor, without repeats or gaps', async () => {
    const whole = (await all('')).map((l) => l.callId);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await lessons(`limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((l: any) => l.callId));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(seen).toEqual(whole);
    const filtered = await lessons(`limit=1&q=${encodeURIComponent('Resultater for')}`);
    expect(filtered.body.items.map((l: any) => l.callId)).toEqual([id.halden]);
    const second = await lessons(`limit=1&q=${encodeURIComponent('Resultater for')}&cursor=${encodeURIComponent(filtered.body.nextCursor)}`);
    expect(second.body.items.map((l: any) => l.callId)).toEqual([id.energy]);
  });

  it('refuses a tampered cursor, or one issued for other filters (400)', async () => {
    const first = await lessons('limit=1');
    const cursor: string = first.body.nextCursor;
    const [payload, mac] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), key: { pk: 'X' } })).toString('base64url');
    const tampered = await lessons(`limit=1&cursor=${encodeURIComponent(`${forged}.${mac}`)}`);
    expect(tampered.status).toBe(400);
    expect(tampered.body.errors[0].path).toBe('cursor');
    expect((await lessons(`limit=1&domain=energy&cursor=${encodeURIComponent(cursor)}`)).status).toBe(400);
    const calls = await stack.client.call('GET', '/api/calls?limit=1');
    expect((await lessons(`limit=1&cursor=${encodeURIComponent(calls.body.nextCursor)}`)).status).toBe(400);
  });

  it('validates its filters (400)', async () => {
    expect((await lessons('cpv=7')).status).toBe(400);
    expect((await lessons('domain=nope')).status).toBe(400);
  });
});
