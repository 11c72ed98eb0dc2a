import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, startTestStack } from '../../support/local-stack.js';
import { removeAllSubscriptions } from '../../support/demo-subscriptions.js';
import { companies, users } from '../../support/demo-users.js';
import { ASSOCIATIONS } from '../../../infra/local/demo-data.js';
import { handler as notificationsJob } from '../../../functions/jobs/notifications.js';
import { resetMailer } from '../../../functions/notifications/mailer.js';
import { resetNotificationSettings } from '../../../functions/subscriptions/settings.js';
import { runNotifications } from '../../../functions/subscriptions/run-notifications.js';
import { confirmAddress } from '../../../functions/data/email-addresses.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
let outbox: string;
const tokens: Record<string, string> = {};
const BASE = 'https://innovasjonstorget.no';
const association = ASSOCIATIONS[0]!;
const MEMBER_EMAIL = 'kontakt@medlem.example';

beforeAll(async () => {
  stack = await startTestStack();
  await removeAllSubscriptions();
  outbox = mkdtempSync(join(tmpdir(), 'torget-outbox-'));
  Object.assign(process.env, { OUTBOX_DIR: outbox, MAIL_TRANSPORT: 'file', PUBLIC_BASE_URL: BASE });
  delete process.env.MAIL_FROM;
  resetMailer();
  resetNotificationSettings();
  for (const who of ['sarpsborgCompany', 'otherCompany', 'association', 'fredrikstad', 'programme'] as const) {
    tokens[who] = await stack.client.login(users[who]);
  }
  // One accepted member company with a contact e-mail, made the way users make them.
  const asked = await stack.client.call('POST', `/api/associations/${association.id}/memberships`, { token: tokens.otherCompany });
  expect(asked.status).toBe(201);
  const accepted = await stack.client.call('POST', `/api/associations/${association.id}/memberships/${companies.other.id}/decision`, {
    token: tokens.association,
    body: { decision: 'accept' },
  });
  expect(accepted.status).toBe(200);
  const profile = (await stack.client.call('GET', `/api/companies/${companies.other.id}`)).body;
  const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...profileBody } = profile;
  const saved = await stack.client.call('PUT', `/api/companies/${companies.other.id}`, {
    token: tokens.otherCompany,
    body: { ...profileBody, contactEmail: MEMBER_EMAIL },
  });
  expect(saved.status).toBe(200);
});
afterAll(async () => {
  await stack?.close();
  if (outbox) rmSync(outbox, { recursive: true, force: true });
  for (const k of ['OUTBOX_DIR', 'MAIL_TRANSPORT', 'PUBLIC_BASE_URL']) delete process.env[k];
  resetMailer();
  resetNotificationSettings();
});

const ORG_OF: Record<string, string> = { sarpsborgCompany: companies.sarpsborg.id, otherCompany: companies.other.id, association: association.id };
/**
 * Saves a search to an address the organisation has already confirmed (issue 7: nothing is sent to an
 * unconfirmed one; the confirmation flow has its own test in tests/integration/harden/email-confirmation.test.ts).
 */
const subscribe = async (who: string, body: Record<string, unknown>) => {
  if (ORG_OF[who] && typeof body.email === 'string') await confirmAddress(ORG_OF[who], body.email, new Date().toISOString());
  return stack.client.call('POST', '/api/me/subscriptions', { token: tokens[who], body });
};
const subscription = (overrides: Record<string, unknown> = {}) => ({
  name: 'Søppel i Fredrikstad',
  filters: { cpvPrefix: '9050', municipality: '3107', domain: 'water-waste', q: 'søppelkasser sentrum' },
  frequency: 'immediate',
  email: 'innkjop@bedrift.example',
  ...overrides,
});

async function publishCall(overrides: Record<string, unknown> = {}) {
  const created = await stack.client.call('POST', '/api/calls', { token: tokens.fredrikstad, body: callBody(overrides) });
  expect(created.status).toBe(201);
  const published = await stack.client.call('POST', `/api/calls/${created.body.id}/publish`, { token: tokens.fredrikstad });
  expect(published.status).toBe(200);
  return published.body as { id: string; title: string; deadline: string };
}

const seen = new Set<string>();
/** Messages written since the last call, parsed. */
async function newMessages(): Promise<{ file: string; raw: string; mail: ParsedMail }[]> {
  const files = readdirSync(outbox)
    .filter((f) => f.endsWith('.eml') && !seen.has(f))
    .sort();
  files.forEach((f) => seen.add(f));
  return Promise.all(
    files.map(async (file) => {
      const raw = readFileSync(join(outbox, file), 'utf8');
      return { file, raw, mail: await simpleParser(raw) };
    }),
  );
}
const toOf = (m: ParsedMail) => (m.to as AddressObject).value.map((a) => a.address);
/** The header as written (unfolded), e.g. 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'. */
const headerLine = (m: ParsedMail, key: string) => m.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ');
const unsubscribeHeader = (m: ParsedMail) => {
  const list = m.headers.get('list') as { unsubscribe?: { url: string } } | undefined;
  return list?.unsubscribe?.url;
};

describe('managing saved searches', () => {
  it('a company creates one and gets 201, a Location and feed URLs with the same filters', async () => {
    const res = await subscribe('sarpsborgCompany', subscription({ name: 'Kun lagring', frequency: 'weekly' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/me/subscriptions/${res.body.id}`);
    expect(res.body).toMatchObject({
      orgId: companies.sarpsborg.id,
      name: 'Kun lagring',
      frequency: 'weekly',
      email: 'innkjop@bedrift.example',
      forMembers: false,
      filters: { cpvPrefix: '9050', municipality: '3107', domain: 'water-waste', q: 'søppelkasser sentrum' },
    });
    const query = new URLSearchParams({ cpv: '9050', municipality: '3107', domain: 'water-waste', q: 'søppelkasser sentrum' });
    expect(res.body.feeds).toEqual({ rss: `/api/feeds/calls?${query}`, ics: `/api/feeds/deadlines.ics?${query}` });
    const list = await stack.client.call('GET', '/api/me/subscriptions', { token: tokens.sarpsborgCompany });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: any) => s.id)).toContain(res.body.id);
  });

  it('feeds without filters have no query string', async () => {
    const res = await subscribe('otherCompany', subscription({ name: 'Alt som kommer', filters: {}, frequency: 'weekly' }));
    expect(res.status).toBe(201);
    expect(res.body.feeds).toEqual({ rss: '/api/feeds/calls', ics: '/api/feeds/deadlines.ics' });
    await stack.client.call('DELETE', `/api/me/subscriptions/${res.body.id}`, { token: tokens.otherCompany });
  });

  it("lists only the caller's organisation's searches", async () => {
    const mine = await subscribe('otherCompany', subscription({ name: 'Annen bedrift' }));
    const list = await stack.client.call('GET', '/api/me/subscriptions', { token: tokens.sarpsborgCompany });
    expect(list.body.items.map((s: any) => s.id)).not.toContain(mine.body.id);
    await stack.client.call('DELETE', `/api/me/subscriptions/${mine.body.id}`, { token: tokens.otherCompany });
  });

  it('an association may send to its members; a company may not (400)', async () => {
    const assoc = await subscribe('association', subscription({ name: 'For medlemmene', forMembers: true }));
    expect(assoc.status).toBe(201);
    expect(assoc.body).toMatchObject({ orgId: association.id, forMembers: true });
    await stack.client.call('DELETE', `/api/me/subscriptions/${assoc.body.id}`, { token: tokens.association });
    const company = await subscribe('sarpsborgCompany', subscription({ forMembers: true }));
    expect(company.status).toBe(400);
    expect(company.body.errors).toContainEqual({ path: 'forMembers', message: expect.any(String) });
  });

  it('is refused to municipalities and the programme owner (403) and to anonymous callers (401)', async () => {
    expect((await subscribe('fredrikstad', subscription())).status).toBe(403);
    expect((await subscribe('programme', subscription())).status).toBe(403);
    expect((await stack.client.call('GET', '/api/me/subscriptions', { token: tokens.fredrikstad })).status).toBe(403);
    expect((await stack.client.call('DELETE', '/api/me/subscriptions/x', { token: tokens.fredrikstad })).status).toBe(403);
    expect((await stack.client.call('POST', '/api/me/subscriptions', { body: subscription() })).status).toBe(401);
    expect((await stack.client.call('GET', '/api/me/subscriptions')).status).toBe(401);
  });

  it.each([
    ['an unknown field', { extra: true }],
    ['an unknown filter', { filters: { county: 'Østfold' } }],
    ['a CPV prefix that is not 2–8 digits', { filters: { cpvPrefix: '9' } }],
    ['an unknown municipality', { filters: { municipality: '0301' } }],
    ['an unknown domain', { filters: { domain: 'space' } }],
    ['an invalid e-mail', { email: 'not-an-address' }],
    ['an unknown frequency', { frequency: 'daily' }],
    ['a missing name', { name: undefined }],
  ])('rejects %s with 400', async (_what, overrides) => {
    const res = await subscribe('sarpsborgCompany', subscription(overrides));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it("deletes its own (204, then 404) and gets 404 for another organisation's", async () => {
    const other = await subscribe('otherCompany', subscription({ name: 'Ikke din' }));
    expect((await stack.client.call('DELETE', `/api/me/subscriptions/${other.body.id}`, { token: tokens.sarpsborgCompany })).status).toBe(404);
    expect((await stack.client.call('DELETE', `/api/me/subscriptions/${other.body.id}`, { token: tokens.otherCompany })).status).toBe(204);
    expect((await stack.client.call('DELETE', `/api/me/subscriptions/${other.body.id}`, { token: tokens.otherCompany })).status).toBe(404);
  });
});

describe('the notification job', () => {
  const TITLE = 'Smarte søppelkasser på Øra – bærekraftig tømming i sentrum';
  let companySub: any;
  let assocSub: any;
  let weeklySub: any;
  let call: { id: string; title: string; deadline: string };
  let messages: Awaited<ReturnType<typeof newMessages>>;

  beforeAll(async () => {
    companySub = (await subscribe('sarpsborgCompany', subscription({ name: 'Søppel på Øra', email: 'anbud@smartparkering.example' }))).body;
    assocSub = (
      await subscribe(
        'association',
        subscription({
          name: 'Avfall for medlemmene',
          filters: { domain: 'water-waste' },
          email: 'post@foreningen.example',
          forMembers: true,
        }),
      )
    ).body;
    weeklySub = (
      await subscribe(
        'otherCompany',
        subscription({
          name: 'Ukentlig avfall',
          filters: { cpvPrefix: '905' },
          frequency: 'weekly',
          email: 'uke@annen.example',
        }),
      )
    ).body;
    // Matches nothing published here: another municipality.
    await subscribe('otherCompany', subscription({ name: 'Halden', filters: { municipality: '3101' }, email: 'halden@annen.example' }));
    await newMessages();
    call = await publishCall({ title: TITLE });
    await notificationsJob({ kind: 'immediate' });
    messages = await newMessages();
  });

  it('writes exactly one message per matching subscription, plus one per member company of a forMembers search', () => {
    const recipients = messages
      .map((m) => toOf(m.mail))
      .flat()
      .sort();
    expect(recipients).toEqual(['anbud@smartparkering.example', MEMBER_EMAIL, 'post@foreningen.example'].sort());
  });

  it('sends nothing to a search that does not match, nor to weekly searches', () => {
    const recipients = messages.flatMap((m) => toOf(m.mail));
    expect(recipients).not.toContain('halden@annen.example');
    expect(recipients).not.toContain('uke@annen.example');
  });

  it('writes RFC 5322 multipart/alternative messages with decoded æøå, From, Date and Message-ID', () => {
    for (const { raw, mail } of messages) {
      expect(mail.from?.value).toEqual([{ name: 'Innovasjonstorget', address: 'varsel@innovasjonstorget.no' }]);
      expect(mail.subject).toBe(`Ny utlysning: ${TITLE}`);
      expect(raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/im); // encoded-word, not raw 8-bit
      expect(raw).toMatch(/^Content-Type: multipart\/alternative/im);
      expect(mail.date?.getTime()).toBeGreaterThan(Date.now() - 120_000);
      expect(mail.messageId).toMatch(/^<[0-9A-Z]{26}@innovasjonstorget\.no>$/);
      expect(mail.text).toContain(TITLE);
      expect(mail.text).toContain('Kommune: Fredrikstad');
      const deadline = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(call.deadline));
      // callBody's procedure is a start-up challenge: what companies send is a tender.
      expect(mail.text).toContain(`Tilbudsfrist: ${deadline}`);
      expect(mail.text).toContain(`${BASE}/utlysninger/${call.id}`);
      expect(mail.html).toContain(`<a href="${BASE}/utlysninger/${call.id}">`);
      expect(mail.html).toContain('Smarte søppelkasser på Øra – bærekraftig tømming i sentrum');
      expect(mail.html).toContain('lang="nb"');
    }
  });

  it("gives the subscriber's copy one-click unsubscribe headers (RFC 8058) and a link to /avmeld", () => {
    for (const { mail } of messages.filter((m) => !toOf(m.mail).includes(MEMBER_EMAIL))) {
      const url = unsubscribeHeader(mail);
      expect(url).toMatch(new RegExp(`^${BASE}/api/unsubscribe\\?token=[\\w.%-]+$`));
      expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(headerLine(mail, 'list-unsubscribe')).toMatch(/^List-Unsubscribe: <https:\/\/innovasjonstorget\.no\/api\/unsubscribe\?token=/);
      const token = new URL(url!).searchParams.get('token')!;
      expect(mail.text).toContain(`${BASE}/avmeld?token=${encodeURIComponent(token)}`);
      expect(mail.html).toContain(`${BASE}/avmeld?token=${encodeURIComponent(token)}`);
    }
  });

  it("names the association in a member's copy and gives it no link that would cancel the association's search", () => {
    const member = messages.find((m) => toOf(m.mail).includes(MEMBER_EMAIL))!;
    expect(member.mail.text).toContain(association.name);
    expect(unsubscribeHeader(member.mail)).toBeUndefined();
    expect(headerLine(member.mail, 'list-unsubscribe')).toBeUndefined();
    expect(headerLine(member.mail, 'list-unsubscribe-post')).toBeUndefined();
  });

  it('writes nothing when it runs again', async () => {
    const report = await notificationsJob({ kind: 'immediate' });
    expect(report.sent).toBe(0);
    expect(await newMessages()).toHaveLength(0);
  });

  it('retries a notice whose send failed, on the next run', async () => {
    const second = await publishCall({ title: 'Søppelkasser med sensorer i sentrum, runde to' });
    const failing = await runNotifications('immediate', {
      mailer: {
        deliver: async () => {
          throw new Error('SMTP is down');
        },
      },
    });
    expect(failing.failed).toBe(2); // the company's and the association's notice
    expect(await newMessages()).toHaveLength(0);
    await notificationsJob({ kind: 'immediate' });
    const retried = await newMessages();
    expect(
      retried
        .map((m) => toOf(m.mail))
        .flat()
        .sort(),
    ).toEqual(['anbud@smartparkering.example', MEMBER_EMAIL, 'post@foreningen.example'].sort());
    for (const { mail } of retried) expect(mail.text).toContain(`/utlysninger/${second.id}`);
  });

  it("sends the weekly digest of the week's matching calls once, and nothing to searches without a match", async () => {
    const other = await publishCall({ title: 'Avløpsrensing med mindre energi', cpvCodes: ['90513000'], domains: ['water-waste'] });
    const report = await notificationsJob({ kind: 'weekly' });
    const digests = await newMessages();
    expect(report.failed).toBe(0);
    // The other weekly search (Kun lagring: municipality 3107, q «søppelkasser sentrum») matches too.
    const weekly = digests.find((m) => toOf(m.mail).includes('uke@annen.example'))!;
    expect(weekly.mail.subject).toBe('Ukens utlysninger: 3 nye som passer «Ukentlig avfall»');
    expect(weekly.mail.text).toContain(TITLE);
    expect(weekly.mail.text).toContain('Søppelkasser med sensorer i sentrum, runde to');
    expect(weekly.mail.text).toContain(other.title);
    expect(weekly.mail.text).not.toContain('Smarte søppelkasser i sentrum\n'); // no seeded (older) calls
    expect(unsubscribeHeader(weekly.mail)).toMatch(/\/api\/unsubscribe\?token=/);
    const recipients = digests.flatMap((m) => toOf(m.mail));
    expect(recipients).not.toContain('anbud@smartparkering.example'); // an immediate search gets no digest
    expect(recipients).toEqual(expect.arrayContaining(['uke@annen.example', 'innkjop@bedrift.example']));
    expect(recipients).toHaveLength(2);
    await notificationsJob({ kind: 'weekly' });
    expect(await newMessages()).toHaveLength(0);
  });

  describe('unsubscribing with the token from the e-mail', () => {
    let token: string;
    beforeAll(() => {
      const mail = messages.find((m) => toOf(m.mail).includes('anbud@smartparkering.example'))!.mail;
      token = new URL(unsubscribeHeader(mail)!).searchParams.get('token')!;
    });

    it('refuses a tampered token with 400', async () => {
      const [payload, mac] = token.split('.');
      const forged = Buffer.from(JSON.stringify({ o: companies.other.id, s: weeklySub.id })).toString('base64url');
      for (const bad of [`${forged}.${mac}`, `${payload}.${mac!.slice(0, -2)}xx`, `${payload}${mac}`]) {
        const res = await stack.client.call('POST', `/api/unsubscribe?token=${encodeURIComponent(bad)}`);
        expect(res.status, bad).toBe(400);
      }
      expect((await stack.client.call('POST', '/api/unsubscribe')).status).toBe(400);
    });

    it('refuses a pagination cursor (signed with the same key for another purpose)', async () => {
      const page = await stack.client.call('GET', '/api/calls?limit=1');
      expect(page.body.nextCursor).toBeTruthy();
      expect((await stack.client.call('POST', `/api/unsubscribe?token=${encodeURIComponent(page.body.nextCursor)}`)).status).toBe(400);
    });

    it('removes the subscription without sign-in, and stays 200 when clicked again', async () => {
      const res = await stack.client.call('POST', `/api/unsubscribe?token=${encodeURIComponent(token)}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ unsubscribed: true, name: 'Søppel på Øra' });
      const list = await stack.client.call('GET', '/api/me/subscriptions', { token: tokens.sarpsborgCompany });
      expect(list.body.items.map((s: any) => s.id)).not.toContain(companySub.id);
      const again = await stack.client.call('POST', `/api/unsubscribe?token=${encodeURIComponent(token)}`);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ unsubscribed: true, name: '' });
    });

    it('sends nothing more to an unsubscribed search', async () => {
      await publishCall({ title: 'Søppelkasser i sentrum, tredje runde' });
      await notificationsJob({ kind: 'immediate' });
      const recipients = (await newMessages()).flatMap((m) => toOf(m.mail));
      expect(recipients).not.toContain('anbud@smartparkering.example');
      expect(recipients).toContain('post@foreningen.example');
      void assocSub;
    });
  });
});

// RFC 8058 clients (Gmail, Apple Mail) POST `List-Unsubscribe=One-Click` as application/x-www-form-urlencoded.
describe('RFC 8058 one-click POST from a mail client', () => {
  it('is answered 200 when the client sends the List-Unsubscribe=One-Click form body', async () => {
    const created = await subscribe('sarpsborgCompany', subscription({ name: 'Ett klikk' }));
    const { unsubscribeToken } = await import('../../../functions/subscriptions/unsubscribe-token.js');
    const token = unsubscribeToken({ orgId: created.body.orgId, subscriptionId: created.body.id });
    const res = await stack.client.call('POST', `/api/unsubscribe?token=${encodeURIComponent(token)}`, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
  });
});
