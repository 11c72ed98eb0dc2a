import Parser from 'rss-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, passTime, proposalBody, serverNow, startTestStack } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { useOutbox } from '../../support/openphase.js';
import { removeAllSubscriptions } from '../../support/demo-subscriptions.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
let outbox: ReturnType<typeof useOutbox>;
const t: Record<string, string> = {};
const DAY = 86_400_000;
const BIDDER = 'anbud@smartparkering.example';
const WATCHER = 'lagret@sok.example';
const REASON = 'Kommunestyret har omprioritert budsjettet for 2027.';

beforeAll(async () => {
  stack = await startTestStack();
  await removeAllSubscriptions();
  outbox = useOutbox();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany', 'otherCompany'] as const) t[who] = await stack.client.login(users[who]);
  const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...profile } = (await stack.client.call('GET', `/api/companies/${companies.sarpsborg.id}`)).body;
  await stack.client.call('PUT', `/api/companies/${companies.sarpsborg.id}`, { token: t.sarpsborgCompany, body: { ...profile, contactEmail: BIDDER } });
  // A saved search that matches the calls below, and one that does not.
  const sub = (name: string, filters: Record<string, string>, email: string) =>
    stack.client.call('POST', '/api/me/subscriptions', { token: t.otherCompany, body: { name, filters, frequency: 'weekly', email } });
  expect((await sub('Avfall i Fredrikstad', { municipality: '3107', q: 'søppelkasser' }, WATCHER)).status).toBe(201);
  expect((await sub('Halden', { municipality: '3101' }, 'feil@sok.example')).status).toBe(201);
});
afterAll(async () => {
  await stack?.close();
  outbox?.close();
});

async function openCall(title: string, days = 20) {
  const deadline = new Date((await serverNow(stack.client)) + days * DAY).toISOString();
  const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ title, deadline }) });
  await stack.client.call('POST', `/api/calls/${draft.body.id}/publish`, { token: t.fredrikstad });
  return draft.body.id as string;
}
const cancel = (id: string, body: unknown, token = t.fredrikstad) => stack.client.call('POST', `/api/calls/${id}/cancel`, { token, body });

describe('cancelling a call', () => {
  it('needs a reason of 10–2,000 characters (400) and only the owner may (403)', async () => {
    const id = await openCall('Avlysning uten grunn');
    expect((await stack.client.call('POST', `/api/calls/${id}/cancel`, { token: t.fredrikstad })).status).toBe(400);
    expect((await cancel(id, { reason: 'Fordi' })).status).toBe(400);
    expect((await cancel(id, { reason: 'x'.repeat(2001) })).status).toBe(400);
    expect((await cancel(id, { reason: REASON }, t.halden)).status).toBe(403);
    const ok = await cancel(id, { reason: REASON });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'cancelled', cancelReason: REASON, cancelledAt: expect.any(String) });
    expect((await cancel(id, { reason: REASON })).status).toBe(409);
  });

  it('works after the deadline too, while proposals are evaluated (no contract yet)', async () => {
    const id = await openCall('Avlyses etter fristen', 2);
    await passTime(stack.client, 2 * DAY + 60_000);
    expect((await stack.client.call('GET', `/api/calls/${id}`)).body.status).toBe('closed');
    expect((await cancel(id, { reason: REASON })).body.status).toBe('cancelled');
  });

  it('tells everyone with a stake once, with the reason: bidders and matching saved searches', async () => {
    const id = await openCall('Smarte søppelkasser som avlyses');
    await stack.client.call('PUT', `/api/calls/${id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() });
    await outbox.take();
    await cancel(id, { reason: REASON });
    const mails = await outbox.take();
    // Each address once: the bidder gets the formal cancellation letter, the saved search a notice.
    expect(mails.map((m) => m.to[0]).sort()).toEqual([BIDDER, WATCHER].sort());
    for (const m of mails) {
      expect(m.subject).toMatch(/avlyst/i);
      expect(m.text).toContain(REASON);
    }
    expect(mails.find((m) => m.to[0] === WATCHER)!.event).toBe(`cancel:${id}`);
    expect(mails.find((m) => m.to[0] === BIDDER)!.subject).toMatch(/^Konkurransen er avlyst/);
    // Idempotent per event: telling the same event again sends nothing.
    const { notifyStakeholders } = await import('../../../functions/notices/notify-stakeholders.js');
    const { getCall } = await import('../../../functions/data/calls.js');
    expect(await notifyStakeholders({ kind: 'cancellation', id: `cancel:${id}`, call: (await getCall(id))!, reason: REASON })).toEqual({ sent: 0 });
    expect(await outbox.take()).toEqual([]);
  });

  it('stays in the feeds for 30 days: RSS «AVLYST» with the reason, calendar STATUS:CANCELLED', async () => {
    const id = await openCall('Smarte søppelkasser i feeden');
    await cancel(id, { reason: REASON });
    const rss = await new Parser().parseString((await stack.client.call<string>('GET', '/api/feeds/calls')).body);
    const item = rss.items.find((i) => i.link?.endsWith(id));
    expect(item?.title).toBe('AVLYST: Smarte søppelkasser i feeden');
    expect(item?.contentSnippet ?? item?.content).toContain(REASON);
    const events = () =>
      stack.client
        .call<string>('GET', '/api/feeds/deadlines.ics')
        .then((r) => new ICAL.Component(ICAL.parse(r.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)));
    const ev = (await events()).find((e) => e.uid.includes(id))!;
    expect(ev.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ev.sequence).toBeGreaterThan(0);
    // A draft cancelled never was public: not in the feeds.
    const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ title: 'Utkast som avlyses' }) });
    await cancel(draft.body.id, { reason: REASON });
    expect((await events()).some((e) => e.uid.includes(draft.body.id))).toBe(false);

    await passTime(stack.client, 30 * DAY + 60_000);
    const later = await new Parser().parseString((await stack.client.call<string>('GET', '/api/feeds/calls')).body);
    expect(later.items.some((i) => i.link?.endsWith(id))).toBe(false);
    expect((await events()).some((e) => e.uid.includes(id))).toBe(false);
  });
});
