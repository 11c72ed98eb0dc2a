import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, sleep, startTestStack } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { removeAllSubscriptions } from '../../support/demo-subscriptions.js';
import { seedSubscriptions } from '../../../infra/local/seed-subscriptions.js';
import { startNotificationsRunner, type NotificationsRunner } from '../../../infra/local/notifications-runner.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
let runner: NotificationsRunner | undefined;
let dataDir: string;

beforeAll(async () => {
  stack = await startTestStack();
  dataDir = mkdtempSync(join(tmpdir(), 'torget-runner-'));
});
afterAll(async () => {
  await runner?.stop();
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('local notifications', () => {
  it('seeds the demo subscriptions once', async () => {
    await removeAllSubscriptions(); // the stack's own seed made them; prove seeding from scratch
    expect(await seedSubscriptions(new Date())).toBe(4);
    expect(await seedSubscriptions(new Date())).toBe(0);
    const token = await stack.client.login(users.sarpsborgCompany);
    const list = await stack.client.call('GET', '/api/me/subscriptions', { token });
    expect(list.body.items.map((s: any) => s.name)).toEqual(['Mobilitet i hele Østfold', 'Programvare i Sarpsborg']);
  });

  it('runs the immediate job on a timer and writes .eml files to <dataDir>/outbox', async () => {
    delete process.env.OUTBOX_DIR;
    runner = startNotificationsRunner({ dataDir, intervalMs: 200, log: () => {} });
    expect(runner.outbox).toBe(join(dataDir, 'outbox'));
    const token = await stack.client.login(users.fredrikstad);
    const created = await stack.client.call('POST', '/api/calls', {
      token,
      body: callBody({ title: 'Bysykler med sensorer', domains: ['mobility'], cpvCodes: ['34430000'] }),
    });
    await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token });
    const files = () => {
      try {
        return readdirSync(runner!.outbox).filter((f) => f.endsWith('.eml'));
      } catch {
        return [];
      }
    };
    for (let i = 0; i < 50 && files().length < 2; i++) await sleep(100);
    // «Mobilitet i hele Østfold» (domain) and «Sensorer» (q) match; the weekly searches wait for Monday.
    expect(files()).toHaveLength(2);
    await sleep(500);
    expect(files()).toHaveLength(2);
  });
});
