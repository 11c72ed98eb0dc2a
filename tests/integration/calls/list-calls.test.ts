import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';

// The public list is served from an in-memory snapshot, or (past PUBLISHED_SNAPSHOT_MAX) from the
// index directly: both must answer exactly alike.
describe.each([
  ['the in-memory snapshot', undefined],
  ['the deadline index', '0'],
])('listing calls from %s', (_source, snapshotMax) => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;

  beforeAll(async () => {
    if (snapshotMax === undefined) delete process.env.PUBLISHED_SNAPSHOT_MAX;
    else process.env.PUBLISHED_SNAPSHOT_MAX = snapshotMax;
    stack = await startTestStack();
  });
  afterAll(async () => {
    delete process.env.PUBLISHED_SNAPSHOT_MAX;
    await stack?.close();
  });

  async function all(query: string, token?: string) {
    const items: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await stack.client.call('GET', `/api/calls?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
        token,
      });
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return { items, pages };
  }

  describe('the public list of calls', () => {
    it('lists open calls first by nearest deadline, then closed ones, never drafts or cancelled', async () => {
      const { items } = await all('limit=100');
      const statuses = items.map((c) => c.status);
      expect(new Set(statuses)).toEqual(new Set(['open', 'closed']));
      const firstClosed = statuses.indexOf('closed');
      expect(statuses.slice(firstClosed).every((s) => s === 'closed')).toBe(true);
      const open = items.filter((c) => c.status === 'open').map((c) => Date.parse(c.deadline));
      expect(open).toEqual([...open].sort((a, b) => a - b));
      expect(items.length).toBe(23); // 15 open + 8 closed in the demo data
    });

    it('pages with an opaque cursor without losing or repeating a call', async () => {
      const whole = await all('limit=100');
      const paged = await all('limit=4');
      expect(paged.pages).toBeGreaterThan(5);
      expect(paged.items.map((c) => c.id)).toEqual(whole.items.map((c) => c.id));
    });

    it('filters by status, municipality, domain and free text', async () => {
      const closed = await all('status=closed&limit=100');
      expect(closed.items.length).toBe(8);
      expect(closed.items.every((c) => c.status === 'closed')).toBe(true);

      const hvaler = await all('municipality=3110&limit=100');
      expect(hvaler.items.length).toBeGreaterThan(0);
      expect(hvaler.items.every((c) => c.municipalityCode === '3110')).toBe(true);

      const energy = await all('domain=energy&limit=100');
      expect(energy.items.length).toBeGreaterThan(0);
      expect(energy.items.every((c) => c.domains.includes('energy'))).toBe(true);

      const text = await all(`q=${encodeURIComponent('Gatelys')}&limit=3`);
      expect(text.items.length).toBeGreaterThan(0);
      expect(text.items.every((c) => `${c.title} ${c.summary} ${c.description}`.toLowerCase().includes('gatelys'))).toBe(true);
    });

    it('fills pages even when a filter discards most of what the index returns', async () => {
      const res = await stack.client.call('GET', '/api/calls?municipality=3110&limit=2');
      expect(res.body.items.length).toBe(2);
    });

    it('refuses draft as a public status filter with a clear 400', async () => {
      const res = await stack.client.call('GET', '/api/calls?status=draft');
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/mine=true/);
    });
  });

  describe("a municipality's own list (mine=true)", () => {
    it('includes its drafts and cancelled calls and nothing of others', async () => {
      const token = await stack.client.login(users.fredrikstad);
      const { items } = await all('mine=true&limit=100', token);
      expect(items.every((c) => c.municipalityCode === '3107')).toBe(true);
      expect(items.map((c) => c.status)).toEqual(expect.arrayContaining(['draft', 'open', 'closed']));
    });

    it('needs a signed-in municipality user', async () => {
      expect((await stack.client.call('GET', '/api/calls?mine=true')).status).toBe(401);
      const company = await stack.client.login(users.sarpsborgCompany);
      expect((await stack.client.call('GET', '/api/calls?mine=true', { token: company })).status).toBe(403);
    });
  });

  it('shows a call the moment it is published and hides it the moment it is cancelled', async () => {
    const token = await stack.client.login(users.halden);
    const created = await stack.client.call('POST', '/api/calls', {
      token,
      body: {
        title: 'Ferskt publisert',
        summary: 'Vises straks i listen.',
        description: 'Skal vises straks etter publisering.',
        domains: ['safety'],
        cpvCodes: [],
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
        procedure: 'market-dialogue',
      },
    });
    await stack.client.call('GET', '/api/calls?limit=100');
    await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token });
    expect((await stack.client.call('GET', '/api/calls?limit=100')).body.items.map((c: any) => c.id)).toContain(created.body.id);
    await stack.client.call('POST', `/api/calls/${created.body.id}/cancel`, { token, body: { reason: 'Behovet er dekket på annen måte.' } });
    expect((await stack.client.call('GET', '/api/calls?limit=100')).body.items.map((c: any) => c.id)).not.toContain(created.body.id);
  });
});
