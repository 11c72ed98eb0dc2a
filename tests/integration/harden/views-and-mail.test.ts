/**
 * Issue 7, findings 2 and 5: reach could be faked by posting views, and a saved search mailed any address.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, passTime, startTestStack } from '../../support/local-stack.js';
import { removeAllSubscriptions } from '../../support/demo-subscriptions.js';
import { users } from '../../support/demo-users.js';
import { ASSOCIATIONS } from '../../../infra/local/demo-data.js';
import { resetMailer } from '../../../functions/notifications/mailer.js';
import { resetNotificationSettings } from '../../../functions/subscriptions/settings.js';
import { runNotifications } from '../../../functions/subscriptions/run-notifications.js';
import { viewLimiter } from '../../../functions/associations/record-call-view.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
let outbox: string;
const t: Record<string, string> = {};
const A0 = ASSOCIATIONS[0]!;

beforeAll(async () => {
  stack = await startTestStack();
  await removeAllSubscriptions();
  outbox = mkdtempSync(join(tmpdir(), 'torget-outbox-'));
  Object.assign(process.env, { OUTBOX_DIR: outbox, MAIL_TRANSPORT: 'file', PUBLIC_BASE_URL: 'https://innovasjonstorget.no' });
  resetMailer();
  resetNotificationSettings();
  for (const who of ['fredrikstad', 'sarpsborgCompany', 'otherCompany', 'association'] as const) t[who] = await stack.client.login(users[who]);
});
afterAll(async () => {
  await stack?.close();
  rmSync(outbox, { recursive: true, force: true });
  for (const k of ['OUTBOX_DIR', 'MAIL_TRANSPORT', 'PUBLIC_BASE_URL']) delete process.env[k];
  resetMailer();
  resetNotificationSettings();
});

async function openCall(overrides: Record<string, unknown> = {}) {
  const created = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody(overrides) });
  await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: t.fredrikstad });
  return created.body.id as string;
}
const reach = async (promotionId: string) =>
  (await stack.client.call('GET', `/api/associations/${A0.id}/reach`, { token: t.association })).body.items.find((r: any) => r.promotionId === promotionId);

describe('one view per viewer', () => {
  it('counts 100 anonymous posts with one visitor cookie as one view, and cookie-less posts not at all', async () => {
    viewLimiter.reset();
    const id = await openCall();
    const promo = (
      await stack.client.call('POST', `/api/associations/${A0.id}/promotions`, { token: t.association, body: { callId: id, note: 'Se på denne' } })
    ).body.id;
    // The call page hands an anonymous reader the visitor cookie: HTTP-only, first-party, signed.
    const page = await stack.client.call('GET', `/api/calls/${id}`);
    const setCookie = page.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^tv=[^;]+; Path=\/api; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const cookie = setCookie.split(';')[0]!;
    const statuses = new Set<number>();
    for (let i = 0; i < 25; i++) {
      statuses.add((await stack.client.call('POST', `/api/calls/${id}/views`, { body: { promotionId: promo }, headers: { cookie } })).status);
    }
    for (let i = 0; i < 4; i++) statuses.add((await stack.client.call('POST', `/api/calls/${id}/views`, { body: { promotionId: promo } })).status);
    expect([...statuses]).toEqual([204]);
    expect((await reach(promo)).views).toBe(1);
    // A forged cookie counts nothing.
    await stack.client.call('POST', `/api/calls/${id}/views`, { body: { promotionId: promo }, headers: { cookie: 'tv=abc.def' } });
    // A signed-in company counts once for its organisation, however often it posts.
    for (let i = 0; i < 3; i++) await stack.client.call('POST', `/api/calls/${id}/views`, { token: t.sarpsborgCompany, body: { promotionId: promo } });
    expect((await reach(promo)).views).toBe(2);
    // After 24 hours the same visitor counts again.
    await passTime(stack.client, 24 * 3_600_000 + 1000);
    await stack.client.call('POST', `/api/calls/${id}/views`, { body: { promotionId: promo }, headers: { cookie } });
    expect((await reach(promo)).views).toBe(3);
  });

  it('rate-limits view posts per client (429 with Retry-After)', async () => {
    viewLimiter.reset();
    const id = await openCall();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await stack.client.call('POST', `/api/calls/${id}/views`, { body: {} })).status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(30);
    const limited = await stack.client.call('POST', `/api/calls/${id}/views`, { body: {} });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    viewLimiter.reset();
  });
});

describe('confirmed e-mail only', () => {
  const messages = () =>
    readdirSync(outbox)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(outbox, f), 'utf8'));

  it('sends one confirmation to a new address, nothing else until it is confirmed, then notices', async () => {
    const stranger = 'fremmed@offer.example';
    const body = { name: 'Alt om søppel', filters: { q: 'søppelkasser' }, frequency: 'immediate', email: stranger };
    const first = await stack.client.call('POST', '/api/me/subscriptions', { token: t.sarpsborgCompany, body });
    expect(first.status).toBe(201);
    expect(first.body.emailConfirmed).toBe(false);
    // A second search to the same address asks for no second confirmation.
    expect((await stack.client.call('POST', '/api/me/subscriptions', { token: t.sarpsborgCompany, body: { ...body, name: 'Igjen' } })).status).toBe(201);
    for (let i = 0; i < 3; i++) await openCall({ title: `Smarte søppelkasser nr ${i}` });
    await runNotifications('immediate');
    await runNotifications('immediate');
    const toStranger = messages().filter((m) => m.includes(stranger));
    expect(toStranger).toHaveLength(1);
    expect(toStranger[0]).toMatch(/Subject: Bekreft e-postadressen/);
    const link = /https:\/\/innovasjonstorget\.no(\/api\/email-confirmations\?token=[^\s]+)/.exec(
      toStranger[0]!.replace(/=\r?\n/g, '').replace(/=3D/g, '='),
    )![1]!;

    // Opening the link changes nothing (link scanners); the button POSTs.
    const page = await stack.client.call('GET', link);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form method="post"');
    const tampered = await stack.client.call(
      'POST',
      link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    expect(tampered.status).toBe(400);
    const ok = await stack.client.call('POST', link);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ confirmed: true, email: stranger });
    expect((await stack.client.call('GET', '/api/me/subscriptions', { token: t.sarpsborgCompany })).body.items.every((s: any) => s.emailConfirmed)).toBe(true);

    await openCall({ title: 'Smarte søppelkasser etter bekreftelse' });
    await runNotifications('immediate');
    const notices = messages().filter((m) => m.includes(stranger) && !/Subject: Bekreft/.test(m));
    expect(notices.length).toBeGreaterThan(0);
  });

  it('remembers a confirmed address per organisation only', async () => {
    // Another organisation typing the same address starts unconfirmed.
    const res = await stack.client.call('POST', '/api/me/subscriptions', {
      token: t.otherCompany,
      body: { name: 'Søppel', filters: {}, frequency: 'weekly', email: 'fremmed@offer.example' },
    });
    expect(res.body.emailConfirmed).toBe(false);
  });
});
