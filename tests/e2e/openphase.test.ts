/**
 * The open phase in the browser: a company asks and the municipality answers (and corrects the answer, the old one
 * kept in history), and another company sees the answer with no trace of the asker; the owner uploads a document and
 * an anonymous visitor downloads the same bytes; a company attaches a file that the owner cannot read before the
 * deadline and can after. Time moves with the server's settable clock (/api/dev/clock), never by waiting. Every
 * page is checked with axe, and at 320 px.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, browserSession, expectAccessible, signIn } from './support';

const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune' };
const ASKER = { name: 'Nora Solberg', org: 'Flåklypa Parkering (demo)' };
const OTHER = { name: 'Henrik Bakke', org: 'Andeby Lys og Energi (demo)' };
const DAY = 86_400_000;
const FIXED = 'Ja, flere produsenter er greit når dataene samles i én løsning med åpne formater.';
const CANCEL_YES = 'Ja, avlys';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\ntrailer << >>\n%%EOF\n`, 'latin1');

describe.skipIf(!browserAvailable)('open phase: questions, documents, attachments', () => {
  const session = browserSession();
  let callPath = '';
  let callId = '';

  async function apiCall(method: string, path: string, token?: string, body?: unknown) {
    const res = await fetch(session.server.baseUrl + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      redirect: 'manual',
    });
    const text = await res.text();
    return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }
  const login = async (userId: string) => (await apiCall('POST', '/api/dev/login', undefined, { userId })).body.token as string;

  async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return readFileSync((await download.path())!);
  }

  it('sets up a published call (through the API: this journey is about what follows)', async () => {
    const token = await login('user-3107');
    const now = Date.parse((await apiCall('GET', '/api/dev/clock')).body.now);
    const created = await apiCall('POST', '/api/calls', token, {
      title: 'E2E Sensorer i bossdunker',
      summary: 'Sensorer som melder når bossdunkene er fulle.',
      description: 'Kommunen vil teste sensorer i bossdunker i sentrum for å tømme ved behov og kjøre mindre.',
      domains: ['water-waste'],
      cpvCodes: ['90500000'],
      deadline: new Date(now + 20 * DAY).toISOString(),
      procedure: 'market-dialogue',
    });
    expect(created.status).toBe(201);
    callId = created.body.id;
    callPath = `/utlysninger/${callId}`;
    expect((await apiCall('POST', `/api/calls/${callId}/publish`, token)).status).toBe(200);
  });

  it('company asks → municipality answers → another company sees the answer with no trace of the asker', async () => {
    const asker = await session.newPage();
    await signIn(asker, session.server.baseUrl, ASKER.name, ASKER.org);
    await asker.goto(session.server.baseUrl + callPath);
    await asker.getByRole('heading', { name: 'Spørsmål og svar' }).waitFor();
    await asker.getByLabel('Still et spørsmål').fill('Flåklypa Parkering lurer på: kan sensorene komme fra to produsenter?');
    await asker.getByRole('button', { name: 'Send spørsmål' }).click();
    await asker.getByText('Spørsmålet er sendt.').waitFor();
    await asker.getByText('venter på svar').waitFor();
    await expectAccessible(asker, 'call page, company with a question');

    const muni = await session.newPage();
    await signIn(muni, session.server.baseUrl, MUNI.name, MUNI.org);
    await muni.goto(session.server.baseUrl + callPath);
    await muni.getByRole('heading', { name: 'Ubesvarte spørsmål (1)' }).waitFor();
    await muni.getByText(ASKER.org).first().waitFor(); // the owner sees who asked
    await expectAccessible(muni, 'call page, owner with a pending question');
    await muni.getByLabel('Spørsmålet slik det publiseres').fill('Kan sensorene komme fra flere produsenter?');
    await muni.getByLabel('Svar:').first().fill('Ja, flere produsenter er greit så lenge dataene samles i én løsning.');
    await muni.getByRole('button', { name: 'Publiser svar til alle' }).first().click();
    await muni.getByText('Svaret er publisert').waitFor();
    // The owner corrects the published answer (a form loaded only for the owner); the old one stays in history.
    await muni.getByText('Rett svaret').click();
    await muni.getByLabel('Nytt svar (det gamle blir stående i historikken)').fill(FIXED);
    await muni.getByRole('button', { name: 'Publiser svar til alle' }).click();
    await muni.getByText(FIXED).waitFor();
    await expectAccessible(muni, 'call page, owner correcting an answer');

    const other = await session.newPage();
    await signIn(other, session.server.baseUrl, OTHER.name, OTHER.org);
    await other.setViewportSize({ width: 320, height: 800 });
    await other.goto(session.server.baseUrl + callPath);
    await other.getByText(FIXED).waitFor();
    await other.getByText('Tidligere svar').click();
    await other.getByText('Ja, flere produsenter er greit så lenge dataene samles i én løsning.').waitFor();
    await other.getByText('Kan sensorene komme fra flere produsenter?').waitFor();
    const text = await other.locator('main').innerText();
    expect(text).not.toContain('Flåklypa Parkering');
    expect(text).not.toContain('Nora Solberg');
    expect(text).not.toContain('to produsenter');
    const width = await other.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    await expectAccessible(other, 'call page at 320 px, another company reading the answer');
    expect(session.errors).toEqual([]);
  });

  it('owner uploads a document (a correction with a note) → an anonymous visitor downloads the same bytes', async () => {
    const bytes = pdf('Konkurransegrunnlag for bossdunker');
    const muni = await session.newPage();
    await signIn(muni, session.server.baseUrl, MUNI.name, MUNI.org);
    await muni.goto(session.server.baseUrl + callPath);
    // The owner names the contact suppliers see (PATCH with If-Match behind the form).
    await muni.getByText('Kontaktperson og frist for spørsmål').click();
    await muni.getByLabel('Navn', { exact: true }).fill('Kari Innkjøper');
    await muni.getByLabel('E-post', { exact: true }).fill('kari.innkjoper@fredrikstad.kommune.no');
    const note = muni.locator('#settings-note');
    if (await note.count()) await note.fill('Kontaktperson for utlysningen er endret.');
    await muni.getByRole('button', { name: 'Lagre', exact: true }).click();
    await muni.getByRole('link', { name: 'kari.innkjoper@fredrikstad.kommune.no' }).waitFor();
    await muni.getByLabel('Fil').first().setInputFiles({ name: 'konkurransegrunnlag.pdf', mimeType: 'application/pdf', buffer: bytes });
    await muni.getByRole('region', { name: 'Dokumenter' }).getByLabel('Begrunnelse for rettelsen').fill('Konkurransegrunnlaget er lagt ut.');
    await muni.getByRole('button', { name: 'Last opp', exact: true }).click();
    await muni.getByText('Dokumentet er lastet opp og kontrollert.').waitFor();
    await expectAccessible(muni, 'call page, owner with documents');

    const visitor = await session.newPage();
    await visitor.goto(session.server.baseUrl + callPath);
    const link = visitor.getByRole('link', { name: 'konkurransegrunnlag.pdf' });
    await link.waitFor();
    await visitor.getByRole('link', { name: 'kari.innkjoper@fredrikstad.kommune.no' }).waitFor();
    const got = await downloaded(visitor, () => link.click());
    expect(sha(got)).toBe(sha(bytes));
    await expectAccessible(visitor, 'call page, anonymous visitor');
    expect(session.errors).toEqual([]);
  });

  it('company attaches a file → the owner cannot read it before the deadline, and can after', async () => {
    const askerToken = await (async () => {
      const users = (await apiCall('GET', '/api/dev/users')).body.items as { id: string; name: string }[];
      return login(users.find((u) => u.name === ASKER.name)!.id);
    })();
    expect(
      (
        await apiCall('PUT', `/api/calls/${callId}/proposals/mine`, askerToken, {
          summary: 'Vi leverer sensorer fra to produsenter.',
          description: 'Pilot med 40 sensorer i tre måneder, deretter evaluering.',
        })
      ).status,
    ).toBe(201);

    const bytes = pdf('CV prosjektleder');
    const company = await session.newPage();
    await signIn(company, session.server.baseUrl, ASKER.name, ASKER.org);
    await company.goto(session.server.baseUrl + callPath);
    await company.getByRole('heading', { name: 'Vedlegg til innspillet' }).waitFor();
    // A market dialogue asks for innspill: the noun follows the procedure (docs/glossary.md).
    await company.getByRole('heading', { level: 2, name: 'Ditt innspill' }).waitFor();
    await company.getByRole('button', { name: 'Endre innspillet' }).waitFor();
    await company.getByText('Frist for innspill', { exact: true }).waitFor();
    expect(await company.getByText(/tilbud/i).count()).toBe(0);
    await company.locator('#att-file').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: bytes });
    await company.getByRole('button', { name: 'Legg ved' }).click();
    await company.getByText('Vedlegget er lagt ved.').waitFor();
    await expectAccessible(company, 'call page, company with an attachment');

    const ownerToken = await login('user-3107');
    const listed = await apiCall('GET', `/api/calls/${callId}/proposals/mine/attachments`, askerToken);
    const attachment = listed.body.items[0];
    const orgNumber = (await apiCall('GET', '/api/me', askerToken)).body.organisation.id;
    expect((await apiCall('GET', `/api/calls/${callId}/proposals/${orgNumber}/attachments/${attachment.id}`, ownerToken)).status).toBe(403);
    const muni = await session.newPage();
    await signIn(muni, session.server.baseUrl, MUNI.name, MUNI.org);
    await muni.goto(session.server.baseUrl + callPath);
    await muni.getByRole('heading', { name: 'Spørsmål og svar' }).waitFor();
    expect(await muni.getByRole('heading', { name: 'Vedlegg til innspillene' }).count()).toBe(0);

    expect((await apiCall('POST', '/api/dev/clock', undefined, { advance: 'P21D' })).status).toBe(200);
    await muni.reload();
    // After the deadline the owner first declares impartiality (award path), then reads the answers.
    await muni.getByRole('button', { name: 'Jeg erklærer meg habil' }).click();
    await muni.getByRole('button', { name: 'Jeg erklærer meg habil' }).waitFor({ state: 'detached' }); // the declaration has landed
    await muni.reload();
    await muni.getByRole('heading', { name: 'Vedlegg til innspillene' }).waitFor();
    const got = await downloaded(muni, () => muni.getByRole('button', { name: 'cv.pdf' }).click());
    expect(sha(got)).toBe(sha(bytes));
    await expectAccessible(muni, 'call page, owner after the deadline');

    // Closed, but no contract yet: the owner can still cancel, and must say why.
    await muni.getByRole('button', { name: 'Avlys utlysningen' }).click();
    const confirm = muni.getByRole('button', { name: CANCEL_YES });
    expect(await confirm.isDisabled()).toBe(true);
    await muni.getByLabel('Begrunnelse for avlysningen').fill('Kommunestyret har omprioritert budsjettet for 2027.');
    await expectAccessible(muni, 'cancel with a reason');
    await confirm.click();
    await muni.getByText('Begrunnelse: Kommunestyret har omprioritert budsjettet for 2027.').waitFor();
    expect(session.errors).toEqual([]);
  });
});
