import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, proposalBody, serverNow, startTestStack } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { useOutbox } from '../../support/openphase.js';
import { removeAllSubscriptions } from '../../support/demo-subscriptions.js';
import { callPatchSchema } from '../../../shared/schemas/calls.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
let outbox: ReturnType<typeof useOutbox>;
const t: Record<string, string> = {};
const DAY = 86_400_000;
const BIDDER = 'anbud@smartparkering.example';
const VIEWER = 'post@glommen.example';
const NOTE = 'Budsjettrammen er rettet etter vedtak i formannskapet.';
// The correction note belongs to the PATCH rules (update-call.ts); send it when the schema takes it.
const withNote = (patch: Record<string, unknown>) => ('changeNote' in callPatchSchema.shape ? { ...patch, changeNote: NOTE } : patch);

beforeAll(async () => {
  stack = await startTestStack();
  await removeAllSubscriptions();
  outbox = useOutbox();
  for (const who of ['fredrikstad', 'sarpsborgCompany', 'otherCompany'] as const) t[who] = await stack.client.login(users[who]);
  for (const [who, org, email] of [
    ['sarpsborgCompany', companies.sarpsborg, BIDDER],
    ['otherCompany', companies.other, VIEWER],
  ] as const) {
    const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...profile } = (await stack.client.call('GET', `/api/companies/${org.id}`)).body;
    await stack.client.call('PUT', `/api/companies/${org.id}`, { token: t[who], body: { ...profile, contactEmail: email } });
  }
});
afterAll(async () => {
  await stack?.close();
  outbox?.close();
});

describe('stakeholder notices for corrections', () => {
  it('tells bidders (who may need to update) and companies that opened the call, once per correction, with what changed', async () => {
    const deadline = new Date((await serverNow(stack.client)) + 20 * DAY).toISOString();
    const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline }) });
    const id = draft.body.id;
    // Editing a draft tells nobody.
    await stack.client.call('PATCH', `/api/calls/${id}`, {
      token: t.fredrikstad,
      body: { title: 'Smarte søppelkasser i hele sentrum' },
      headers: { 'if-match': '"1"' },
    });
    const published = await stack.client.call('POST', `/api/calls/${id}/publish`, { token: t.fredrikstad });
    await stack.client.call('PUT', `/api/calls/${id}/proposals/mine`, { token: t.sarpsborgCompany, body: proposalBody() });
    await stack.client.call('POST', `/api/calls/${id}/views`, { token: t.otherCompany, body: {} });
    expect(await outbox.take()).toEqual([]);

    const res = await stack.client.call('PATCH', `/api/calls/${id}`, {
      token: t.fredrikstad,
      body: withNote({ budgetNok: { min: 100000, max: 800000 } }),
      headers: { 'if-match': `"${published.body.version}"` },
    });
    expect(res.status).toBe(200);
    const mails = await outbox.take();
    expect(mails.map((m) => m.to[0]).sort()).toEqual([BIDDER, VIEWER].sort());
    expect(new Set(mails.map((m) => m.event))).toEqual(new Set([`correction:${id}:v${res.body.version}`]));
    for (const m of mails) {
      expect(m.subject).toContain('Rettelse');
      expect(m.text).toMatch(/• Budsjett: 100\s000–500\s000 kr ekskl\. mva\. → 100\s000–800\s000 kr ekskl\. mva\./);
    }
    expect(mails.find((m) => m.to[0] === BIDDER)!.text).toMatch(/tilbudet må oppdateres/);
    expect(mails.find((m) => m.to[0] === VIEWER)!.text).not.toMatch(/tilbudet må oppdateres/);
  });

  it("writes to each recipient in the language their organisation's users chose, naming what was sent by procedure", async () => {
    const deadline = new Date((await serverNow(stack.client)) + 20 * DAY).toISOString();
    const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline, procedure: 'market-dialogue' }) });
    const id = draft.body.id;
    const published = await stack.client.call('POST', `/api/calls/${id}/publish`, { token: t.fredrikstad });
    await stack.client.call('PUT', `/api/calls/${id}/proposals/mine`, {
      token: t.sarpsborgCompany,
      body: { summary: 'Innspill om sensorer og drift.', description: 'Slik vi ser markedet for sensorer i dag.' },
    });
    await stack.client.call('POST', `/api/calls/${id}/views`, { token: t.otherCompany, body: {} });
    const chosen = await stack.client.call('PUT', '/api/me/language', { token: t.sarpsborgCompany, body: { language: 'en' } });
    expect(chosen.status).toBe(200);
    expect((await stack.client.call('GET', '/api/me', { token: t.sarpsborgCompany })).body.user.language).toBe('en');
    expect((await stack.client.call('PUT', '/api/me/language', { token: t.sarpsborgCompany, body: { language: 'de' } })).status).toBe(400);
    await outbox.take();

    const res = await stack.client.call('PATCH', `/api/calls/${id}`, {
      token: t.fredrikstad,
      body: withNote({ budgetNok: { min: 100000, max: 900000 } }),
      headers: { 'if-match': `"${published.body.version}"` },
    });
    expect(res.status).toBe(200);
    const mails = await outbox.take();
    const english = mails.find((m) => m.to[0] === BIDDER)!;
    expect(english.subject).toMatch(/^Correction to the call/);
    expect(english.text).toContain('Deadline for input: ');
    expect(english.text).toContain('(Norwegian time)');
    expect(english.text).toContain('• Budget: 100,000–500,000 NOK excl. VAT → 100,000–900,000 NOK excl. VAT');
    expect(english.text).toContain('Your company has sent input. Check whether the input needs updating');
    expect(english.text).not.toMatch(/tilbud|Frist/);
    const bokmål = mails.find((m) => m.to[0] === VIEWER)!;
    expect(bokmål.subject).toMatch(/^Rettelse i utlysningen/);
    expect(bokmål.text).toContain('Frist for innspill: ');
    expect(bokmål.text).not.toMatch(/tilbud/i);
  });
});
