import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, startTestStack } from '../../support/local-stack.js';
import { removeAllSubscriptions } from '../../support/demo-subscriptions.js';
import { companies, users } from '../../support/demo-users.js';
import { ASSOCIATIONS } from '../../../infra/local/demo-data.js';
import { resetMailer } from '../../../functions/notifications/mailer.js';
import { resetNotificationSettings } from '../../../functions/subscriptions/settings.js';
import { runNotifications } from '../../../functions/subscriptions/run-notifications.js';
import { confirmAddress } from '../../../functions/data/email-addresses.js';

/** E-mails follow the language the recipient organisation's users chose (PUT /api/me/language); bokmål otherwise. */
let stack: Awaited<ReturnType<typeof startTestStack>>;
let outbox: string;
const tokens: Record<string, string> = {};
const association = ASSOCIATIONS[0]!;
const COMPANY_EMAIL = 'innkjop@engelsk.example';
const MEMBER_EMAIL = 'kontakt@medlem.example';
const ASSOCIATION_EMAIL = 'post@forening.example';
const seen = new Set<string>();

async function take(): Promise<ParsedMail[]> {
  const files = readdirSync(outbox)
    .filter((f) => f.endsWith('.eml') && !seen.has(f))
    .sort();
  files.forEach((f) => seen.add(f));
  return Promise.all(files.map((f) => simpleParser(readFileSync(join(outbox, f)))));
}
const to = (mail: ParsedMail) => (mail.to as AddressObject).value[0]!.address;

beforeAll(async () => {
  stack = await startTestStack();
  await removeAllSubscriptions();
  outbox = mkdtempSync(join(tmpdir(), 'torget-lang-'));
  Object.assign(process.env, { OUTBOX_DIR: outbox, MAIL_TRANSPORT: 'file' });
  resetMailer();
  resetNotificationSettings();
  for (const who of ['sarpsborgCompany', 'otherCompany', 'association', 'fredrikstad'] as const) tokens[who] = await stack.client.login(users[who]);
  await stack.client.call('POST', `/api/associations/${association.id}/memberships`, { token: tokens.otherCompany });
  await stack.client.call('POST', `/api/associations/${association.id}/memberships/${companies.other.id}/decision`, {
    token: tokens.association,
    body: { decision: 'accept' },
  });
  const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...profile } = (await stack.client.call('GET', `/api/companies/${companies.other.id}`)).body;
  await stack.client.call('PUT', `/api/companies/${companies.other.id}`, { token: tokens.otherCompany, body: { ...profile, contactEmail: MEMBER_EMAIL } });
  for (const who of ['sarpsborgCompany', 'otherCompany'] as const) {
    expect((await stack.client.call('PUT', '/api/me/language', { token: tokens[who], body: { language: 'en' } })).status).toBe(200);
  }
});
afterAll(async () => {
  await stack?.close();
  if (outbox) rmSync(outbox, { recursive: true, force: true });
  for (const k of ['OUTBOX_DIR', 'MAIL_TRANSPORT']) delete process.env[k];
  resetMailer();
  resetNotificationSettings();
});

const search = { name: 'Søppel', filters: { municipality: '3107', domain: 'water-waste' }, frequency: 'immediate' };

describe('the language of e-mails', () => {
  it('asks an English-speaking company to confirm its address in English', async () => {
    const saved = await stack.client.call('POST', '/api/me/subscriptions', { token: tokens.sarpsborgCompany, body: { ...search, email: COMPANY_EMAIL } });
    expect(saved.status).toBe(201);
    await runNotifications('immediate');
    const mail = (await take()).find((m) => to(m) === COMPANY_EMAIL)!;
    expect(mail.subject).toBe('Confirm the e-mail address for alerts from Innovasjonstorget');
    expect(mail.text).toContain('Confirm the address here');
  });

  it("sends each alert in its recipient's language: the English company, the bokmål association and its English member", async () => {
    await confirmAddress(companies.sarpsborg.id, COMPANY_EMAIL, new Date().toISOString());
    await confirmAddress(association.id, ASSOCIATION_EMAIL, new Date().toISOString());
    const forMembers = await stack.client.call('POST', '/api/me/subscriptions', {
      token: tokens.association,
      body: { ...search, email: ASSOCIATION_EMAIL, forMembers: true },
    });
    expect(forMembers.status).toBe(201);
    await runNotifications('immediate');
    await take();
    const created = await stack.client.call('POST', '/api/calls', { token: tokens.fredrikstad, body: callBody({ procedure: 'market-dialogue' }) });
    expect((await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: tokens.fredrikstad })).status).toBe(200);
    await runNotifications('immediate');
    const mails = await take();
    const company = mails.find((m) => to(m) === COMPANY_EMAIL)!;
    expect(company.subject).toMatch(/^New call: /);
    expect(company.text).toContain('Deadline for input: ');
    expect(company.text).toContain('Stop these e-mail alerts: ');
    const own = mails.find((m) => to(m) === ASSOCIATION_EMAIL)!;
    expect(own.subject).toMatch(/^Ny utlysning: /);
    expect(own.text).toContain('Frist for innspill: ');
    const member = mails.find((m) => to(m) === MEMBER_EMAIL)!;
    expect(member.subject).toMatch(/^New call: /);
    expect(member.text).toContain(`because ${association.name} has a saved search for its members`);
  });
});
