/**
 * Issue 7, finding 6: cursors of another user, names that pass for a municipality or another company,
 * caching of private answers, oversized bodies.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, proposalBody, startTestStack } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { COMPANIES } from '../../../infra/local/demo-data.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany', 'otherCompany'] as const) t[who] = await stack.client.login(users[who]);
});
afterAll(() => stack?.close());

describe('a cursor of another listing or user is 400 on every list route', () => {
  it('refuses another company\'s "mine" proposals cursor and another municipality\'s own-calls cursor', async () => {
    for (let i = 0; i < 2; i++) {
      const { body } = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
      await stack.client.call('POST', `/api/calls/${body.id}/publish`, { token: t.fredrikstad });
      await stack.client.call('PUT', `/api/calls/${body.id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() });
    }
    const mine = await stack.client.call('GET', '/api/me/proposals?limit=1', { token: t.sarpsborgCompany });
    expect(mine.body.nextCursor).toEqual(expect.any(String));
    const replay = await stack.client.call('GET', `/api/me/proposals?cursor=${encodeURIComponent(mine.body.nextCursor)}`, { token: t.otherCompany });
    expect(replay.status).toBe(400);

    const own = await stack.client.call('GET', '/api/calls?mine=true&limit=1', { token: t.fredrikstad });
    const cursor = encodeURIComponent(own.body.nextCursor);
    expect((await stack.client.call('GET', `/api/calls?mine=true&cursor=${cursor}`, { token: t.halden })).status).toBe(400);
    // Across listings too.
    for (const path of ['/api/calls', '/api/lessons', '/api/ocds/releases', '/api/me/proposals']) {
      const res = await stack.client.call('GET', `${path}?cursor=${cursor}`, { token: path.startsWith('/api/me') ? t.sarpsborgCompany : undefined });
      expect(res.status, path).toBe(400);
    }
  });
});

describe('organisation names', () => {
  const rename = async (name: string, who = COMPANIES[4]!) => {
    const token = await stack.client.login(`user-${who.id}`);
    const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...profile } = (await stack.client.call('GET', `/api/companies/${who.id}`)).body;
    return stack.client.call('PUT', `/api/companies/${who.id}`, { token, body: { ...profile, name } });
  };

  it("refuses «kommune», a municipality's name and another company's name (also with zero-width characters)", async () => {
    for (const name of [
      'Halden kommune',
      'HALDEN  KOMMUNE',
      'Halden\u200B kommune',
      'Kommunen AS',
      'Sarpsborg',
      COMPANIES[0]!.name,
      COMPANIES[0]!.name.toUpperCase(),
      `${COMPANIES[0]!.name}\u200D`,
    ]) {
      const res = await rename(name);
      expect(res.status, name).toBe(409);
      expect(res.body.type).toMatch(/organisation-name-taken$/);
    }
    expect((await rename('Helt Nytt Navn AS')).status).toBe(200);
    // Keeping one's own name (or changing its case) is fine.
    expect((await rename('HELT NYTT NAVN AS')).status).toBe(200);
  });

  it('lets only one of two companies racing for the same new name win', async () => {
    const [a, b] = await Promise.all([rename('Kappløpet AS', COMPANIES[5]!), rename('Kappløpet AS', COMPANIES[6]!)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});

describe('caching', () => {
  it('marks private answers private, no-store with Vary: Authorization, public ones a short max-age', async () => {
    for (const [path, token] of [
      ['/api/me', t.sarpsborgCompany],
      ['/api/me/proposals', t.sarpsborgCompany],
      ['/api/calls?mine=true', t.fredrikstad],
      ['/api/me/subscriptions', t.sarpsborgCompany],
    ] as const) {
      const res = await stack.client.call('GET', path, { token });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('private, no-store');
      expect(res.headers.get('vary'), path).toMatch(/Authorization/i);
    }
    const { body: draft } = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    const own = await stack.client.call('GET', `/api/calls/${draft.id}`, { token: t.fredrikstad });
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    const pub = await stack.client.call('GET', '/api/associations');
    expect(pub.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+$/);
    const err = await stack.client.call('GET', '/api/me');
    expect(err.headers.get('cache-control')).toBe('no-store');
  });
});

describe('oversized bodies', () => {
  it('answers a clean 413 problem+json, not a connection reset', async () => {
    const url = new URL(stack.url);
    const body = Buffer.alloc(600 * 1024, 'a');
    const res = await new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/calls',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${t.fredrikstad}` },
        },
        (r) => {
          let text = '';
          r.on('data', (c) => (text += c));
          r.on('end', () => resolve({ status: r.statusCode!, type: String(r.headers['content-type']), text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(res.status).toBe(413);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.parse(res.text).status).toBe(413);
  });
});
