/** The demo data has calls in every phase (a fresh stack: the clock has not been moved). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passTime, startTestStack } from '../../support/local-stack.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());
const api = (method: string, path: string, token?: string) => stack.client.call(method, path, { token });

describe('demo data', () => {
  it('has calls in every phase', async () => {
    const phases = new Set<string>();
    for (const code of ['3101', '3103', '3105', '3107', '3110', '3112', '3114', '3116', '3118', '3120', '3122', '3124']) {
      const token = await stack.client.login(`user-${code}`);
      const mine = await api('GET', '/api/calls?mine=true&limit=100', token);
      for (const c of mine.body.items) phases.add(c.phase);
    }
    expect([...phases].sort()).toEqual(['cancelled', 'concluded', 'contracted', 'draft', 'evaluation', 'open', 'selection', 'standstill', 'tendering']);
  });

  it('keeps the seeded contracted call consistent: public contract, letters, protocol and archive', async () => {
    const token = await stack.client.login('user-3110');
    const contracted = (await api('GET', '/api/calls?mine=true&limit=100', token)).body.items.find((c: any) => c.phase === 'contracted' && c.contract);
    expect(contracted.contract.winners).toHaveLength(1);
    expect((await api('GET', `/api/calls/${contracted.id}/letters`, token)).body.items.length).toBeGreaterThanOrEqual(6);
    const protocol = await api('GET', `/api/calls/${contracted.id}/protocol`, token);
    expect(protocol.body.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['selection', 'evaluation', 'award', 'contract']));
  });
});

describe('programme phases', () => {
  it('counts calls per phase across the municipalities, with the median days to contract and stuck calls', async () => {
    const programme = await stack.client.login((await api('GET', '/api/dev/users')).body.items.find((u: any) => u.role === 'programme').id);
    const res = await api('GET', '/api/programme/phases', programme);
    expect(res.status).toBe(200);
    const count = (p: string) => res.body.byPhase.find((b: any) => b.phase === p).count;
    for (const p of ['open', 'selection', 'tendering', 'evaluation', 'standstill', 'contracted', 'concluded', 'cancelled', 'draft'])
      expect(count(p)).toBeGreaterThan(0);
    expect(res.body.contracted).toBe(count('contracted'));
    // The seeded contract: published 30 days before the deadline −40 d, signed 27 days after it (−13 d): 57 days.
    expect(res.body.medianDaysToContract).toBeGreaterThan(40);
    expect(res.body.stuck.filter((s: any) => s.phase === 'selection')).toEqual([]);
    // Three weeks on, the two-stage calls still without a selection are stuck (more than 14 days past their deadline).
    await passTime(stack.client, 21 * 86_400_000);
    const later = await api('GET', '/api/programme/phases', programme);
    expect(later.body.stuck.filter((s: any) => s.phase === 'selection').length).toBe(count('selection'));
    for (const s of later.body.stuck) expect(s.days).toBeGreaterThan(14);
    expect((await api('GET', '/api/programme/phases', await stack.client.login('user-3107'))).status).toBe(403);
  });
});
