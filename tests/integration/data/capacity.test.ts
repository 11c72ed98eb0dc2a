/**
 * Every DynamoDB call reports its consumed capacity into the meter of the request it runs in: reads in
 * 4 KB units halved when eventually consistent, writes in 1 KB units (the embedded engine answers
 * ConsumedCapacity itself; index write units are estimated on top).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../../support/local-stack.js';
import { metered } from '../../../functions/data/capacity.js';
import { getOrganisation, insertOrganisation } from '../../../functions/data/organisations.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
beforeAll(async () => void (stack = await startTestStack({ seed: false })));
afterAll(() => stack?.close());

describe('consumed capacity', () => {
  it('counts a write and a read in the meter of the request, and nothing outside it', async () => {
    const description = 'x'.repeat(5000);
    const write = await metered(() =>
      insertOrganisation({ id: '210000018', kind: 'company', name: 'Meter AS', description, cpvCodes: [], updatedAt: '2030-01-01T00:00:00.000Z' } as never),
    );
    // About 5 KB: at least 5 write units, and the company is in both indexes (estimated index writes).
    expect(write.meter.writeUnits).toBeGreaterThanOrEqual(5);
    expect(write.meter.gsiWriteUnits).toBeGreaterThanOrEqual(10);
    expect(write.meter.itemsWritten).toBeGreaterThanOrEqual(1);
    expect(write.meter.readUnits).toBe(0);

    const [a, b] = await Promise.all([metered(() => getOrganisation('210000018')), metered(() => getOrganisation('nobody'))]);
    // 5 KB read eventually consistent: two 4 KB units, halved.
    expect(a.meter).toMatchObject({ requests: 1, readUnits: 1, writeUnits: 0, itemsRead: 1 });
    expect(b.meter).toMatchObject({ requests: 1, readUnits: 0.5, itemsRead: 0 });
  });

  it('reports the units of a request through the API as well (same meter, any route)', async () => {
    const out = await metered(async () => (await fetch(`${stack.url}/api/calls`)).status);
    // The HTTP request ran in the server's own meter, not in this one: separate requests, separate meters.
    expect(out.value).toBe(200);
    expect(out.meter.requests).toBe(0);
  });
});
