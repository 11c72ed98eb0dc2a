/** The demo data has calls in every phase (a fresh stack: the clock has not been moved). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../../support/local-stack.js';

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
