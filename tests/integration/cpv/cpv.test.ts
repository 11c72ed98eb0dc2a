import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody } from '../../support/local-stack.js';
import { users, companies } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};

/** The shipped list read directly, not through the code under test. */
const rows = new Map<string, { nb: string; en: string }>(
  (JSON.parse(readFileSync(new URL('../../../shared/data/cpv-2008.json', import.meta.url), 'utf8')).codes as string[][]).map(([c, nb, en]) => [
    c!,
    { nb: nb!, en: en! },
  ]),
);

beforeAll(async () => {
  stack = await startTestStack();
  t.fredrikstad = await stack.client.login(users.fredrikstad);
  t.company = await stack.client.login(users.sarpsborgCompany);
});
afterAll(() => stack?.close());

describe('GET /api/cpv', () => {
  it('is public and cacheable, and finds by bokmål word with the hierarchy above each hit', async () => {
    const res = await stack.client.call('GET', '/api/cpv?q=sanntid&lang=nb&limit=10');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(res.body.attribution).toBe('CPV-koder og norske betegnelser: DFØ, eforms-sdk-nor, CC BY 4.0');
    const hit = res.body.items.find((h: any) => h.code === '48813200');
    expect(hit).toEqual({
      code: '48813200',
      label: 'System for passasjerinformasjon i sanntid',
      depth: 6,
      path: [
        { code: '48000000', label: rows.get('48000000')!.nb },
        { code: '48800000', label: rows.get('48800000')!.nb },
        { code: '48810000', label: rows.get('48810000')!.nb },
        { code: '48813000', label: rows.get('48813000')!.nb },
      ],
    });
  });

  it('finds by code prefix in English, in list order, and honours the limit', async () => {
    const res = await stack.client.call('GET', '/api/cpv?q=7221&lang=en&limit=3');
    expect(res.body.items.map((h: any) => [h.code, h.label])).toEqual([
      ['72210000', 'Programming services of packaged software products'],
      ['72211000', 'Programming services of systems and user software'],
      ['72212000', 'Programming services of application software'],
    ]);
  });

  it('looks up given codes (with or without check digit) and skips unlisted ones', async () => {
    const res = await stack.client.call('GET', '/api/cpv?codes=38730000,72212000-4,72999999&lang=nb');
    expect(res.body.items.map((h: any) => [h.code, h.label])).toEqual([
      ['38730000', 'Parkometre'],
      ['72212000', rows.get('72212000')!.nb],
    ]);
  });

  it('answers bad input with problem+json', async () => {
    for (const q of ['limit=0', 'limit=51', 'lang=de', 'codes=1234']) {
      const res = await stack.client.call('GET', `/api/cpv?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('CPV codes on calls and profiles', () => {
  it('stores a code given with its check digit without it, and labels every code with its own official label', async () => {
    const res = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({ cpvCodes: ['72212000-9', '38730000', '72212000'] }),
    });
    expect(res.status).toBe(201);
    expect(res.body.cpvCodes).toEqual(['72212000', '38730000']);
    expect(res.body.cpvLabels).toEqual({ '72212000': rows.get('72212000'), '38730000': rows.get('38730000') });
    const read = await stack.client.call('GET', `/api/calls/${res.body.id}`, { token: t.fredrikstad });
    expect(read.body.cpvLabels['38730000']).toEqual({ nb: 'Parkometre', en: 'Parking meters' });
  });

  it('refuses a code that is not in the list, naming the nearest valid codes', async () => {
    const res = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ cpvCodes: ['90500000', '72999999'] }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toContain('72999999');
    expect(res.body.detail).toContain('72900000');
    expect(res.body.errors).toEqual([
      { path: 'cpvCodes.1', message: expect.stringMatching(/^72999999 is not in the CPV 2008 list; nearest valid codes: 72900000 \(/) },
    ]);
  });

  it('refuses a pre-commercial procurement without an R&D services code', async () => {
    const res = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({ procedure: 'pre-commercial', cpvCodes: ['90500000'] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('cpvCodes');
    const ok = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({ procedure: 'pre-commercial', cpvCodes: ['90500000', '73120000'] }),
    });
    expect(ok.status).toBe(201);
  });

  it('labels the codes of lessons in the public registry', async () => {
    const res = await stack.client.call('GET', '/api/lessons?limit=100');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const l of res.body.items) for (const code of l.cpvCodes) expect(l.cpvLabels[code]).toEqual(rows.get(code));
  });

  it("checks a company profile's codes the same way and labels them", async () => {
    const org = companies.sarpsborg;
    const profile = (await stack.client.call('GET', `/api/companies/${org.id}`)).body;
    const body = {
      name: profile.name,
      description: profile.description,
      capabilities: profile.capabilities,
      cpvCodes: ['48813200-0', ...profile.cpvCodes],
    };
    const res = await stack.client.call('PUT', `/api/companies/${org.id}`, { token: t.company, body });
    expect(res.status).toBe(200);
    expect(res.body.cpvCodes[0]).toBe('48813200');
    expect(res.body.cpvLabels['48813200']).toEqual(rows.get('48813200'));
    const bad = await stack.client.call('PUT', `/api/companies/${org.id}`, { token: t.company, body: { ...body, cpvCodes: ['99000000'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('cpvCodes.0');
  });
});
