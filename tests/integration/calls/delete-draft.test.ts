import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';

/** DELETE /api/calls/{id}: a draft that was never published can go (204); a published call cannot (409). */
let stack: Awaited<ReturnType<typeof startTestStack>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany'] as const) tokens[who] = await stack.client.login(users[who]);
});
afterAll(() => stack?.close());

const create = (token = tokens.fredrikstad, overrides = {}) => stack.client.call('POST', '/api/calls', { token, body: callBody(overrides) });
const del = (id: string, token?: string) => stack.client.call('DELETE', `/api/calls/${id}`, { token });

describe('deleting a draft', () => {
  it('answers 204 and the draft is gone: 404 to its own municipality and out of its list', async () => {
    const { body: draft } = await create();
    const res = await del(draft.id, tokens.fredrikstad);
    expect(res.status).toBe(204);
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`, { token: tokens.fredrikstad })).status).toBe(404);
    const mine = await stack.client.call('GET', '/api/calls?mine=true&status=draft&limit=100', { token: tokens.fredrikstad });
    expect(mine.body.items.map((c: { id: string }) => c.id)).not.toContain(draft.id);
    expect((await del(draft.id, tokens.fredrikstad)).status).toBe(404);
  });

  it('is 409 once the call has been published (cancel it instead), and the call stays', async () => {
    const { body: draft } = await create();
    expect((await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: tokens.fredrikstad })).status).toBe(200);
    const res = await del(draft.id, tokens.fredrikstad);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`)).status).toBe(200);
  });

  it('is 409 for a cancelled call that had been published', async () => {
    const { body: draft } = await create();
    await stack.client.call('POST', `/api/calls/${draft.id}/publish`, { token: tokens.fredrikstad });
    await stack.client.call('POST', `/api/calls/${draft.id}/cancel`, { token: tokens.fredrikstad });
    expect((await del(draft.id, tokens.fredrikstad)).status).toBe(409);
  });

  it('is a 404 to another municipality, 403 to a company and 401 without a token; the draft stays', async () => {
    const { body: draft } = await create();
    expect((await del(draft.id, tokens.halden)).status).toBe(404);
    expect((await del(draft.id, tokens.sarpsborgCompany)).status).toBe(403);
    expect((await del(draft.id)).status).toBe(401);
    expect((await stack.client.call('GET', `/api/calls/${draft.id}`, { token: tokens.fredrikstad })).status).toBe(200);
  });

  it('removes the reuse record of a draft made by reusing another call', async () => {
    const { body: original } = await create(tokens.halden, { title: 'Original som gjenbrukes' });
    await stack.client.call('POST', `/api/calls/${original.id}/publish`, { token: tokens.halden });
    const reused = await stack.client.call('POST', `/api/calls/${original.id}/reuse`, { token: tokens.fredrikstad });
    expect(reused.status).toBe(201);
    const before = await stack.client.call('GET', `/api/calls/${original.id}/reuses`);
    expect(before.body.count).toBe(1);
    expect((await del(reused.body.id, tokens.fredrikstad)).status).toBe(204);
    const after = await stack.client.call('GET', `/api/calls/${original.id}/reuses`);
    expect(after.body.count).toBe(0);
  });
});
