import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

const profile = {
  name: 'Flåklypa Parkering (demo)',
  description: 'Sensorer og data for parkering.',
  capabilities: ['IoT', 'parkering'],
  cpvCodes: ['38730000'],
  municipalityCode: '3105',
  website: 'https://example.no',
};

describe('organisations', () => {
  it('lists the twelve municipalities of Østfold publicly', async () => {
    const res = await stack.client.call('GET', '/api/municipalities');
    expect(res.body.items).toHaveLength(12);
    expect(res.body.items[0]).toEqual({ code: '3101', name: 'Halden', orgNumber: '959159092' });
  });

  it('tells a signed-in user who they are and for which organisation', async () => {
    const token = await stack.client.login(users.fredrikstad);
    const res = await stack.client.call('GET', '/api/me', { token });
    expect(res.body).toEqual({
      user: { id: users.fredrikstad, name: expect.any(String), role: 'municipality' },
      organisation: { id: '3107', kind: 'municipality', name: 'Fredrikstad kommune' },
    });
  });

  it('shows a public company profile, and 404 for an unknown company', async () => {
    const res = await stack.client.call('GET', `/api/companies/${companies.sarpsborg.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ orgNumber: companies.sarpsborg.id, name: companies.sarpsborg.name });
    expect((await stack.client.call('GET', '/api/companies/974760673')).status).toBe(404);
  });

  it('lets a company user edit its own profile, and nobody else', async () => {
    const own = await stack.client.login(users.sarpsborgCompany);
    const res = await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, { token: own, body: profile });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ capabilities: ['IoT', 'parkering'], municipalityCode: '3105' });

    const other = await stack.client.login(users.otherCompany);
    expect((await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, { token: other, body: profile })).status).toBe(403);
    const muni = await stack.client.login(users.fredrikstad);
    expect((await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, { token: muni, body: profile })).status).toBe(403);
  });

  it('refuses an organisation number that fails MOD11 with 400', async () => {
    const own = await stack.client.login(users.sarpsborgCompany);
    const bad = companies.sarpsborg.id.slice(0, 8) + ((Number(companies.sarpsborg.id[8]) + 1) % 10);
    const res = await stack.client.call('PUT', `/api/companies/${bad}`, { token: own, body: profile });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('orgNumber');
  });

  it('refuses a profile body that tries to set its kind', async () => {
    const own = await stack.client.login(users.sarpsborgCompany);
    const res = await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, { token: own, body: { ...profile, kind: 'programme' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ path: 'kind', message: expect.any(String) });
  });
});

describe('a company contact e-mail', () => {
  it('is kept with the profile, shown publicly, and validated', async () => {
    const own = await stack.client.login(users.sarpsborgCompany);
    const put = await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, {
      token: own,
      body: { ...profile, contactEmail: 'post@smartparkering.example' },
    });
    expect(put.body.contactEmail).toBe('post@smartparkering.example');
    expect((await stack.client.call('GET', `/api/companies/${companies.sarpsborg.id}`)).body.contactEmail).toBe('post@smartparkering.example');
    const bad = await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, {
      token: own,
      body: { ...profile, contactEmail: 'ikke en adresse' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('contactEmail');
  });
});
