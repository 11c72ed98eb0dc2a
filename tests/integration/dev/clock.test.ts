import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody, serverNow } from '../../support/local-stack.js';
import { users as USERS } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

describe('the settable clock of the local server', () => {
  it("tells the server's now", async () => {
    const res = await stack.client.call('GET', '/api/dev/clock');
    expect(res.status).toBe(200);
    expect(Math.abs(Date.parse(res.body.now) - Date.now())).toBeLessThan(60_000);
  });

  it('moves forward by a duration, and every deadline rule follows it', async () => {
    const token = await stack.client.login(USERS.fredrikstad);
    const created = await stack.client.call('POST', '/api/calls', {
      token,
      body: callBody({ deadline: new Date((await serverNow(stack.client)) + 3 * 86_400_000).toISOString() }),
    });
    await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token });
    expect((await stack.client.call('GET', `/api/calls/${created.body.id}`)).body.status).toBe('open');

    const before = await serverNow(stack.client);
    const moved = await stack.client.call('POST', '/api/dev/clock', { body: { advance: 'P3DT1H' } });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.now) - before).toBeGreaterThanOrEqual(3 * 86_400_000 + 3_600_000);
    expect((await stack.client.call('GET', `/api/calls/${created.body.id}`)).body.status).toBe('closed');
  });

  it('sets an instant, and refuses what is not a duration or an instant (400)', async () => {
    const at = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const set = await stack.client.call('POST', '/api/dev/clock', { body: { set: at } });
    expect(set.status).toBe(200);
    expect(Math.abs(Date.parse(set.body.now) - Date.parse(at))).toBeLessThan(5_000);
    for (const body of [{ advance: '-P1D' }, { advance: '7 days' }, { set: 'tomorrow' }, { advance: 'P1D', set: at }, {}]) {
      const res = await stack.client.call('POST', '/api/dev/clock', { body });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
