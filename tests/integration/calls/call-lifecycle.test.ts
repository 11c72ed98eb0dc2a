import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody, passTime, serverNow } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany'] as const) tokens[who] = await stack.client.login(users[who]);
});
afterAll(() => stack?.close());

const create = (overrides = {}) => stack.client.call('POST', '/api/calls', { token: tokens.fredrikstad, body: callBody(overrides) });

describe('a municipality creates a call', () => {
  it('gets 201, a Location, an ETag, and a draft of its own municipality at version 1', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/calls/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ status: 'draft', municipalityCode: '3107', municipalityName: 'Fredrikstad', version: 1 });
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
  });

  it('cannot create a call with a deadline in the past', async () => {
    const res = await create({ deadline: new Date(Date.now() - 60_000).toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ path: 'deadline', message: expect.any(String) });
  });

  it('refuses companies with 403', async () => {
    const res = await stack.client.call('POST', '/api/calls', { token: tokens.sarpsborgCompany, body: callBody() });
    expect(res.status).toBe(403);
  });
});

describe('a draft', () => {
  it('is visible to its own municipality and a 404 to everyone else', async () => {
    const { body: draft } = await create();
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`, { token: tokens.fredrikstad })).status).toBe(200);
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`, { token: tokens.halden })).status).toBe(404);
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`, { token: tokens.sarpsborgCompany })).status).toBe(404);
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`)).status).toBe(404);
  });

  it("appears in the municipality's own list but not in the public one", async () => {
    const { body: draft } = await create({ title: 'Utkast som bare Fredrikstad ser' });
    const mine = await stack.client.call('GET', '/api/calls?mine=true&status=draft&limit=100', { token: tokens.fredrikstad });
    expect(mine.body.items.map((c: any) => c.id)).toContain(draft.id);
    const pub = await stack.client.call('GET', '/api/calls?limit=100');
    expect(pub.body.items.map((c: any) => c.id)).not.toContain(draft.id);
  });

  it('cannot be changed by another municipality (404: it does not know it exists)', async () => {
    const { body: draft } = await create();
    const res = await stack.client.call('PATCH', `/api/calls/${draft.id}`, { token: tokens.halden, body: { title: 'Kapret' }, headers: { 'if-match': '"1"' } });
    expect(res.status).toBe(404);
  });
});

describe('editing with optimistic concurrency', () => {
  it('needs If-Match (428), refuses a stale one (412) and bumps the version', async () => {
    const { body: draft } = await create();
    const path = `/api/calls/${draft.id}`;
    expect((await stack.client.call('PATCH', path, { token: tokens.fredrikstad, body: { title: 'Ny tittel' } })).status).toBe(428);
    const ok = await stack.client.call('PATCH', path, { token: tokens.fredrikstad, body: { title: 'Ny tittel' }, headers: { 'if-match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: 'Ny tittel', version: 2 });
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await stack.client.call('PATCH', path, { token: tokens.fredrikstad, body: { title: 'Annen tittel' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await stack.client.call('GET', path, { token: tokens.fredrikstad })).body.title).toBe('Ny tittel');
  });

  it('never lets a deadline move into the past', async () => {
    const { body: draft } = await create();
    const res = await stack.client.call('PATCH', `/api/calls/${draft.id}`, {
      token: tokens.fredrikstad,
      body: { deadline: '2020-01-01T12:00:00+01:00' },
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('deadline');
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const { body: draft } = await create();
    const edit = (title: string) =>
      stack.client.call('PATCH', `/api/calls/${draft.id}`, { token: tokens.fredrikstad, body: { title }, headers: { 'if-match': '"1"' } });
    const results = await Promise.all([edit('Første redigering'), edit('Andre redigering'), edit('Tredje redigering')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412]);
  });
});

describe('publishing and cancelling', () => {
  it('publishes a draft (draft → open), then refuses to publish it again with 409', async () => {
    const { body: draft } = await create();
    const published = await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: tokens.fredrikstad });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'open', version: 2, publishedAt: expect.any(String) });
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`)).status).toBe(200);
    expect((await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: tokens.fredrikstad })).status).toBe(409);
  });

  it('refuses to publish once the deadline has passed (400)', async () => {
    const { body: draft } = await create({ deadline: new Date((await serverNow(stack.client)) + 1500).toISOString() });
    await passTime(stack.client, 1700);
    const res = await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: tokens.fredrikstad });
    expect(res.status).toBe(400);
  });

  it('reads an open call as closed the moment its deadline passes', async () => {
    const { body: draft } = await create({ deadline: new Date((await serverNow(stack.client)) + 1500).toISOString() });
    await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: tokens.fredrikstad });
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`)).body.status).toBe('open');
    await passTime(stack.client, 1700);
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`)).body.status).toBe('closed');
  });

  it('cancels an open call, and not twice', async () => {
    const { body: draft } = await create();
    await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: tokens.fredrikstad });
    const cancelled = await stack.client.call('POST', `/api/calls/${draft.id}/cancel`, {
      token: tokens.fredrikstad,
      body: { reason: 'Behovet er dekket på annen måte.' },
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(
      (await stack.client.call('POST', `/api/calls/${draft.id}/cancel`, { token: tokens.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } }))
        .status,
    ).toBe(409);
    const pub = await stack.client.call('GET', '/api/calls?limit=100');
    expect(pub.body.items.map((c: any) => c.id)).not.toContain(draft.id);
  });

  it('lets no other municipality publish or cancel a published call (403)', async () => {
    const { body: draft } = await create();
    await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: tokens.fredrikstad });
    expect(
      (await stack.client.call('POST', `/api/calls/${draft.id}/cancel`, { token: tokens.halden, body: { reason: 'Behovet er dekket på annen måte.' } })).status,
    ).toBe(403);
  });
});
