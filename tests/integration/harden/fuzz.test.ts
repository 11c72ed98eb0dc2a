/**
 * Issue 7: a fast-check-driven fuzz of the whole API. Every deployed route gets random and half-valid
 * requests (ids, queries, bodies, headers, tokens, text with every kind of code point); none may answer
 * 5xx, and the data must be consistent afterwards. At least 2,000 requests per run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, routeIds, type RouteId } from '../../../shared/api/contract.js';
import { callBody, proposalBody, startTestStack } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { ASSOCIATIONS, COMPANIES } from '../../../infra/local/demo-data.js';
import { viewLimiter } from '../../../functions/associations/record-call-view.js';
import { listOrgSubscriptions } from '../../../functions/data/subscriptions.js';
import { listAssociationPromotions } from '../../../functions/data/associations.js';

const RUNS = 2100;
let stack: Awaited<ReturnType<typeof startTestStack>>;
const tokens: string[] = [];
const ids = { calls: [] as string[], open: [] as string[], promotions: [] as string[] };
const statuses: number[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of Object.values(users)) tokens.push(await stack.client.login(who));
  const muni = await stack.client.login(users.fredrikstad);
  for (let i = 0; i < 3; i++) {
    const { body } = await stack.client.call('POST', '/api/calls', { token: muni, body: callBody() });
    ids.calls.push(body.id);
    if (i < 2) {
      await stack.client.call('POST', `/api/calls/${body.id}/publish`, { token: muni });
      ids.open.push(body.id);
    }
  }
  const list = await stack.client.call('GET', '/api/calls?limit=20');
  ids.calls.push(...list.body.items.map((c: any) => c.id));
  const assoc = await stack.client.login(users.association);
  const promo = await stack.client.call('POST', `/api/associations/${ASSOCIATIONS[0]!.id}/promotions`, {
    token: assoc,
    body: { callId: ids.open[0], note: 'Fuzz-notat' },
  });
  ids.promotions.push(promo.body.id);
});
afterAll(() => stack?.close());

const deployed = routeIds.filter((id) => routes[id].audience !== 'dev');

/** Built once the fixtures exist (ids from beforeAll). */
function arbitraries() {
  const nasty = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uFFFF',
      '\uD800',
      '\u200B\u200B\u200B',
      '../../etc/passwd',
      '%00',
      '<script>',
      "' OR 1=1 --",
      'a'.repeat(5000),
      '9999-12-31T23:00:00Z',
      '-1',
      '1e309',
      'null',
      '{}',
    ),
  );
  const idArb = fc
    .oneof(
      fc.constantFrom(...['x']),
      nasty.map((s) => s.slice(0, 80)),
      fc.constant(''),
    )
    .chain((junk) =>
      fc.oneof(
        fc.constantFrom(...ids.calls, ...ids.promotions, ...COMPANIES.map((c) => c.id), ...ASSOCIATIONS.map((a) => a.id), '3107', '01ARZ3NDEKTSV4RRFFQ69G5FAV'),
        fc.constant(junk),
      ),
    );
  const json = fc.jsonValue({ maxDepth: 3 });
  /** Valid bodies, mutated: a field dropped, replaced or added. */
  const validBodies = [
    callBody(),
    proposalBody(),
    { callId: 'x', note: 'Et notat her' },
    { decision: 'accept' },
    { name: 'Søk', filters: {}, frequency: 'weekly', email: 'a@b.example' },
    { partners: [], projectStatus: 'pilot', results: '', lessons: '', documents: [], wouldRecommend: true, published: false },
    { promotionId: 'x' },
    { callIds: [] },
  ];
  const mutated = fc.tuple(fc.constantFrom(...validBodies), fc.string({ maxLength: 12 }), fc.oneof(json, nasty)).map(([b, k, v]) => {
    const copy: Record<string, unknown> = structuredClone(b);
    const keys = Object.keys(copy);
    if (keys.length && k.length % 3 === 0) delete copy[keys[k.length % keys.length]!];
    else if (keys.length && k.length % 3 === 1) copy[keys[k.length % keys.length]!] = v;
    else copy[k] = v;
    return copy;
  });
  const headerArb = fc.record(
    {
      'if-match': fc.oneof(
        fc.constant(undefined),
        fc.constantFrom('"1"', '"2"', 'W/"1"', '*', '"x"', ''),
        nasty.map((s) => s.slice(0, 50)),
      ),
      'idempotency-key': fc.oneof(
        fc.constant(undefined),
        fc.constantFrom('fuzz-key-0001', 'fuzz-key-0002', 'short'),
        nasty.map((s) => s.slice(0, 120)),
      ),
      cookie: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom('tv=abc.def', 'tv=', 'x=y; tv=..'),
        nasty.map((s) => `tv=${s.slice(0, 40)}`),
      ),
    },
    { requiredKeys: [] },
  );

  const request = fc.record({
    route: fc.constantFrom(...deployed),
    params: fc.dictionary(fc.constantFrom('id', 'orgNumber'), idArb),
    query: fc.dictionary(
      fc.oneof(fc.constantFrom('status', 'municipality', 'domain', 'q', 'mine', 'limit', 'cursor', 'token', 'cpv', 'procedure'), fc.string({ maxLength: 8 })),
      fc.oneof(
        fc.constantFrom('open', 'closed', 'draft', 'true', '3107', 'mobility', '0', '101', '5'),
        nasty.map((s) => s.slice(0, 300)),
      ),
    ),
    body: fc.oneof(mutated, json, fc.constant(undefined)),
    raw: fc.option(fc.constantFrom('{', 'null', '[]', '"x"', '{"a":', '\u0000'), { nil: undefined }),
    token: fc.oneof(fc.constantFrom(...tokens), fc.constant(undefined), fc.constantFrom('garbage', 'eyJhbGciOiJub25lIn0.e30.')),
    headers: headerArb,
  });
  return request;
}

/** Percent-encodes anything, lone surrogates included (encodeURIComponent throws on those): the server must cope. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

function pathOf(id: RouteId, params: Record<string, string>): string {
  return routes[id].path.replace(/\{(\w+)\}/g, (_, k: string) => enc(params[k] ?? 'x'));
}

describe('the API under fuzzing', () => {
  it(`answers ${RUNS} random requests across every route without a 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraries(), async (r) => {
        if (statuses.length % 25 === 0) viewLimiter.reset();
        const spec = routes[r.route];
        const qs = new URLSearchParams(Object.entries(r.query).map(([k, v]) => [k, String(v)])).toString();
        const headers = Object.fromEntries(Object.entries(r.headers).filter(([, v]) => v !== undefined && /^[\t\x20-\x7e\x80-\xff]*$/.test(v))) as Record<
          string,
          string
        >;
        const withBody = spec.method !== 'GET';
        const res = await stack.client.call(spec.method, `${pathOf(r.route, r.params)}${qs ? `?${qs}` : ''}`, {
          token: r.token,
          ...(withBody && r.raw !== undefined
            ? { rawBody: r.raw, headers: { ...headers, 'content-type': 'application/json' } }
            : { headers, ...(withBody && r.body !== undefined ? { body: r.body } : {}) }),
        });
        statuses.push(res.status);
        expect(res.status, `${spec.method} ${spec.path}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), verbose: 1 },
    );
    expect(statuses.length).toBeGreaterThanOrEqual(2000);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // Report: how many requests, and how they were answered.
    console.log(`fuzz: ${statuses.length} requests, ${statuses.filter((s) => s >= 500).length} 5xx, ${new Set(deployed).size} routes`);
  }, 240_000);

  it('leaves the data consistent', async () => {
    // Every listed call can be read, and is open or closed; no route broke the public list.
    const list = await stack.client.call('GET', '/api/calls?limit=100');
    expect(list.status).toBe(200);
    for (const c of list.body.items) {
      expect(['open', 'closed']).toContain(c.status);
      expect((await stack.client.call('GET', `/api/calls/${c.id}`)).status).toBe(200);
    }
    // Caps and uniqueness held.
    for (const c of COMPANIES) expect((await listOrgSubscriptions(c.id)).length).toBeLessThanOrEqual(25);
    for (const a of ASSOCIATIONS) {
      const promos = await listAssociationPromotions(a.id);
      expect(new Set(promos.map((p) => p.callId)).size).toBe(promos.length);
    }
    // Public reads still answer.
    for (const path of ['/api/feeds/calls', '/api/feeds/deadlines.ics', '/api/ocds/releases', '/api/lessons', '/api/associations', '/api/municipalities']) {
      expect((await stack.client.call('GET', path)).status, path).toBe(200);
    }
  });
});
