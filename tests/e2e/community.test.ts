/**
 * Community, programme and sharing in the browser:
 * (a) a company asks to join an association, the association accepts, promotes an open call with a note;
 *     a member company sees it under «Fra foreningene dine», follows the link (a counted view), and the
 *     association's reach table shows the view;
 * (b) the programme owner reads the dashboard: figures, a chart with its table, and a CSV download;
 * (c) a municipality reuses another municipality's published call, lands on the new draft's edit page
 *     with provenance, and the original call shows «Gjenbrukt».
 * Plus the lessons registry, saved searches and the unsubscribe page. Every page visited is checked with axe.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, browserSession, expectAccessible, signIn, type LocalServer } from './support';
import { ASSOCIATIONS, COMPANIES, PROGRAMME as DEMO_PROGRAMME } from '../../infra/local/demo-data.js';

const ASSOCIATION = { id: ASSOCIATIONS[0]!.id, name: 'Camilla Sørensen', org: ASSOCIATIONS[0]!.name };
const MEMBER = { name: 'Nora Solberg', org: COMPANIES[0]!.name };
const NEWCOMER = { name: 'Henrik Bakke', org: COMPANIES[1]!.name };
const PROGRAMME = { name: 'Line Aas', org: DEMO_PROGRAMME.name };
const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune', code: '3107' };

interface CallSummary {
  id: string;
  title: string;
  municipalityCode: string;
  municipalityName: string;
  deadline: string;
}

describe.skipIf(!browserAvailable)('community: associations, programme dashboard, reuse', () => {
  const session = browserSession();
  const newPage = () => session.newPage();
  const errors = session.errors;
  let server: LocalServer;
  let openCalls: CallSummary[] = [];

  beforeAll(async () => {
    server = session.server;
    const res = await fetch(`${server.baseUrl}/api/calls?status=open&limit=100`);
    openCalls = ((await res.json()) as { items: CallSummary[] }).items;
  });

  describe('(a) association promotes a call to its members', () => {
    let association: Page;
    let promoted: CallSummary;
    const note = `Passer for medlemmer med sensorkompetanse – e2e ${Date.now().toString(36)}`;

    it('a company asks to join; the association page shows the pending request', async () => {
      const company = await newPage();
      await signIn(company, server.baseUrl, NEWCOMER.name, NEWCOMER.org);
      await company.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Foreninger' }).click();
      await company.getByRole('heading', { level: 1, name: 'Næringsforeninger' }).waitFor();
      await expectAccessible(company, 'associations list');
      await company.getByRole('link', { name: ASSOCIATION.org }).click();
      await company.getByRole('heading', { level: 1, name: ASSOCIATION.org }).waitFor();
      await company.getByRole('heading', { level: 2, name: 'Medlemmer' }).waitFor();
      await company.getByRole('button', { name: 'Bli medlem' }).click();
      await company.getByText('Venter på svar').waitFor();
      expect(await company.getByRole('button', { name: 'Bli medlem' }).count()).toBe(0);
      await expectAccessible(company, 'association page, membership pending');
    });

    it('the association accepts the request and sees its reach table', async () => {
      association = await newPage();
      await signIn(association, server.baseUrl, ASSOCIATION.name, ASSOCIATION.org);
      await association.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Min forening' }).click();
      await association.waitForURL(`${server.baseUrl}/foreninger/${ASSOCIATION.id}`);
      await association.getByRole('heading', { level: 2, name: 'Forespørsler om medlemskap' }).waitFor();
      await association.getByRole('table', { name: 'Rekkevidde per anbefalt utlysning' }).waitFor();
      await association.getByRole('button', { name: `Godta ${NEWCOMER.org}` }).waitFor();
      await expectAccessible(association, 'own association page with requests and reach');

      await association.getByRole('button', { name: `Godta ${NEWCOMER.org}` }).click();
      await association.getByText(`${NEWCOMER.org} er nå medlem.`).waitFor();
      expect(await association.getByRole('button', { name: `Godta ${NEWCOMER.org}` }).count()).toBe(0);
      await association
        .getByRole('region', { name: 'Medlemmer' })
        .or(association.locator('section', { has: association.getByRole('heading', { name: 'Medlemmer' }) }))
        .getByRole('link', { name: NEWCOMER.org })
        .first()
        .waitFor();
    });

    it('promotes an open call with a note and gets the link', async () => {
      const already = (await (await fetch(`${server.baseUrl}/api/associations/${ASSOCIATION.id}`)).json()) as { promotions: { callId: string }[] };
      const taken = new Set(already.promotions.map((p) => p.callId));
      const soon = Date.now() + 2 * 86_400_000;
      promoted = openCalls.find((c) => !taken.has(c.id) && Date.parse(c.deadline) > soon)!;
      expect(promoted, 'an open call the association has not promoted').toBeDefined();

      await association.goto(`${server.baseUrl}/utlysninger/${promoted.id}`);
      await association.getByRole('heading', { level: 1, name: promoted.title }).waitFor();
      await association.getByRole('heading', { level: 2, name: 'Anbefal til medlemmene' }).waitFor();

      // Too short a note: inline error tied to the textarea.
      const noteInput = association.getByLabel('Notat til medlemmene');
      await noteInput.fill('ok');
      await association.getByRole('button', { name: 'Anbefal til medlemmene' }).click();
      expect(await noteInput.getAttribute('aria-invalid')).toBe('true');
      await association.getByText('Skriv minst 3 tegn.').waitFor();
      await expectAccessible(association, 'call page, promote form with error');

      await noteInput.fill(note);
      await association.getByRole('button', { name: 'Anbefal til medlemmene' }).click();
      await association.getByText('Utlysningen er anbefalt til medlemmene.').waitFor();
      const link = association.getByRole('link', { name: new RegExp(`/utlysninger/${promoted.id}\\?promo=`) });
      expect(await link.getAttribute('href')).toMatch(new RegExp(`^/utlysninger/${promoted.id}\\?promo=[0-9A-Z]{26}$`));
      await expectAccessible(association, 'call page, promoted');
    });

    it('a member company sees it under «Fra foreningene dine» and follows the link (a counted view)', async () => {
      const member = await newPage();
      await signIn(member, server.baseUrl, MEMBER.name, MEMBER.org);
      const feed = member.getByRole('region', { name: 'Fra foreningene dine' });
      const item = feed.getByRole('article', { name: promoted.title });
      await item.waitFor();
      await item.getByText(note).waitFor();
      await item.getByText(ASSOCIATION.org).waitFor();
      await member.getByRole('region', { name: 'Utlysninger for deg' }).waitFor();
      await expectAccessible(member, 'front page with association feed');

      const view = member.waitForResponse((r) => r.url().endsWith(`/api/calls/${promoted.id}/views`) && r.request().method() === 'POST');
      await item.getByRole('link', { name: promoted.title }).click();
      await member.waitForURL(/\?promo=[0-9A-Z]{26}$/);
      const res = await view;
      expect(res.status()).toBe(204);
      expect(JSON.parse(res.request().postData() ?? '{}')).toHaveProperty('promotionId');
      await member.getByRole('heading', { level: 1, name: promoted.title }).waitFor();
      await expectAccessible(member, 'call page through the promotion link');
    });

    it('the association sees the view in its reach table, proposals sealed until the deadline', async () => {
      await association.goto(`${server.baseUrl}/foreninger/${ASSOCIATION.id}`);
      const table = association.getByRole('table', { name: 'Rekkevidde per anbefalt utlysning' });
      const row = table.getByRole('row').filter({ has: association.getByRole('rowheader', { name: promoted.title }) });
      await row.waitFor();
      const cells = row.getByRole('cell');
      // Columns: promoted, views, member viewers, member proposals.
      expect(Number((await cells.nth(1).textContent())!.replace(/\s/g, ''))).toBeGreaterThanOrEqual(1);
      expect(Number((await cells.nth(2).textContent())!.replace(/\s/g, ''))).toBeGreaterThanOrEqual(1);
      expect(await cells.nth(3).textContent()).toMatch(/^\s*Forseglet til /);
      await expectAccessible(association, 'reach table after a view');
    });
  });

  it('(b) the programme owner reads the dashboard and downloads a table as CSV', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, PROGRAMME.name, PROGRAMME.org);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Programoversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programoversikt' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nøkkeltall' }).waitFor();

    const stats = (await page.evaluate(async () => {
      const token = JSON.parse(localStorage.getItem('itorget.session') ?? '{}').token as string;
      return (await fetch('/api/programme/stats', { headers: { authorization: `Bearer ${token}` } })).json();
    })) as { calls: { total: number; byStatus: { key: string; label: string; count: number }[] }; proposals: { total: number } };
    const figure = (label: string) => page.locator('.figure', { has: page.getByText(label, { exact: true }) }).locator('dd');
    expect((await figure('Utlysninger').textContent())!.replace(/\s/g, '')).toBe(String(stats.calls.total));
    expect((await figure('Svar').textContent())!.replace(/\s/g, '')).toBe(String(stats.proposals.total));
    await page.getByText('Andel små og mellomstore bedrifter').waitFor();
    await page.getByText('Median dager til første svar').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Trenger hjelp nå' }).waitFor();

    // Each chart is an image with a text alternative, and its numbers are in a table beside it.
    const chart = page.getByRole('img', { name: /^Søylediagram: Utlysninger etter status/ });
    await chart.waitFor();
    expect(await chart.locator('canvas').count()).toBe(1);
    expect(await page.locator('canvas').count()).toBe(4);
    const table = page.getByRole('table', { name: 'Utlysninger etter status' });
    expect(await table.locator('tbody tr').count()).toBe(stats.calls.byStatus.length);
    await table.getByRole('rowheader', { name: 'Åpen' }).waitFor();
    await expectAccessible(page, 'programme dashboard');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Eksporter CSV: Utlysninger etter status' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^utlysninger-status-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Status;Antall');
    expect(lines.at(-1)).toBe('');
    expect(lines.length).toBe(stats.calls.byStatus.length + 2);
    const open = stats.calls.byStatus.find((s) => s.key === 'open')!;
    expect(lines).toContain(`Åpen;${open.count}`);
  });

  it("(c) a municipality reuses another municipality's call and lands on the new draft with provenance", async () => {
    const original = openCalls.find((c) => c.municipalityCode !== MUNI.code)!;
    const page = await newPage();
    await signIn(page, server.baseUrl, MUNI.name, MUNI.org);
    await page.goto(`${server.baseUrl}/utlysninger/${original.id}`);
    await page.getByRole('heading', { level: 1, name: original.title }).waitFor();
    await expectAccessible(page, "another municipality's call, reuse offered");

    await page.getByRole('button', { name: 'Gjenbruk denne utlysningen' }).click();
    await page.waitForURL(/\/utlysninger\/[0-9A-Z]{26}\/rediger/);
    const draftId = page.url().split('/utlysninger/')[1]!.split('/')[0]!;
    expect(draftId).not.toBe(original.id);
    await page.getByRole('heading', { level: 1, name: 'Rediger utlysning' }).waitFor();
    await page.getByText('Utkastet er laget.').waitFor();
    const from = page.getByText(/^\s*↺?\s*Basert på/);
    await from.waitFor();
    expect(await from.textContent()).toContain(`fra ${original.municipalityName}`);
    expect(await from.getByRole('link', { name: original.title }).getAttribute('href')).toBe(`/utlysninger/${original.id}`);
    expect(await page.getByLabel('Tittel', { exact: true }).inputValue()).toBe(original.title);
    await page.getByRole('complementary', { name: 'Lignende utlysninger og erfaringer' }).waitFor();
    await page
      .getByRole('complementary')
      .getByText(/^Laster|Fant ingen|Utlysninger|Erfaringer/)
      .first()
      .waitFor();
    await expectAccessible(page, 'reused draft, edit page with provenance and similar panel');

    // The draft's own page shows the provenance too.
    await page.goto(`${server.baseUrl}/utlysninger/${draftId}`);
    await page.getByText('Utkast', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: original.title }).waitFor();

    // And the original says it was reused, by whom.
    await page.goto(`${server.baseUrl}/utlysninger/${original.id}`);
    const reused = page.getByText(/^Gjenbrukt (én gang|\d+ ganger)$/);
    await reused.waitFor();
    await reused.click();
    await page.locator('.reuses li', { hasText: 'Fredrikstad' }).waitFor();
    await expectAccessible(page, 'original call showing reuses');
  });

  it('a municipality sees similar needs on «Mine utlysninger» and records the outcome of a closed call', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, MUNI.name, MUNI.org);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mine utlysninger' }).click();
    const needs = page.getByRole('region', { name: 'Andre kommuner har lignende behov' });
    await needs.waitFor();
    await needs
      .getByText(/arbeider med et lignende behov/)
      .first()
      .waitFor();
    await expectAccessible(page, 'my calls with similar needs');

    const closed = ((await (await fetch(`${server.baseUrl}/api/calls?status=closed&municipality=${MUNI.code}&limit=50`)).json()) as { items: CallSummary[] })
      .items;
    expect(closed.length).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/utlysninger/${closed[0]!.id}`);
    const section = page.getByRole('region', { name: 'Resultat og erfaringer' });
    await section.getByRole('button', { name: /^(Registrer resultat|Endre resultatet)$/ }).click();
    await section.getByRole('heading', { level: 3, name: /^(Registrer resultat|Endre resultatet)$/ }).waitFor();
    await section.getByLabel('Prosjektstatus').selectOption('pilot');
    await section.getByLabel(/^Erfaringer/).fill('Markedsdialogen ga oss bedre løsninger enn vi hadde tenkt selv.');
    await section.getByRole('button', { name: 'Legg til dokument' }).click();
    // The new row's title field gets focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-documents.0.title');
    await section.getByLabel('Tittel på dokument 1').fill('Sluttrapport');
    await section.getByLabel('Adresse til dokument 1').fill('ikke-en-adresse');
    await section.getByRole('checkbox', { name: 'Publiser i erfaringsbanken' }).check();
    await section.getByRole('button', { name: 'Lagre resultatet' }).click();
    await section.getByRole('alert').filter({ hasText: 'Skjemaet har feil' }).waitFor();
    expect(await section.getByLabel('Adresse til dokument 1').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'outcome form with errors');

    await section.getByLabel('Adresse til dokument 1').fill('https://example.no/rapport');
    await section.getByRole('button', { name: 'Lagre resultatet' }).click();
    await section.getByText('Resultatet er lagret og publisert i erfaringsbanken.').waitFor();
    await section.getByRole('link', { name: 'Sluttrapport' }).waitFor();
    await expectAccessible(page, 'call page with published outcome');

    // Anyone reads it.
    const visitor = await newPage();
    await visitor.goto(`${server.baseUrl}/utlysninger/${closed[0]!.id}`);
    await visitor.getByRole('region', { name: 'Resultat og erfaringer' }).getByText('Markedsdialogen ga oss bedre løsninger').waitFor();
    expect(await visitor.getByRole('button', { name: /Registrer resultat|Endre resultatet/ }).count()).toBe(0);
  });

  it('the lessons registry filters and shows published outcomes', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Erfaringer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erfaringer fra kommunene' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Viser \S+ erfaring/ })
      .waitFor();
    expect(await page.getByRole('article').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'lessons registry');

    await page.getByLabel('Søk i erfaringene').fill('parkering');
    await page.getByRole('button', { name: 'Vis erfaringer' }).click();
    await page.waitForURL(/[?&]q=parkering/);
    await page.getByRole('article').first().getByText('Pilot').first().waitFor();
    await page.getByLabel('CPV-kode (begynnelse)').fill('7x');
    await page.getByRole('button', { name: 'Vis erfaringer' }).click();
    await page.getByText('Skriv 2–8 sifre.').waitFor();
    await expectAccessible(page, 'lessons registry with a bad CPV filter');
  });

  it('the calls list offers RSS and calendar feeds with the current filters', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/?municipality=3107&domain=mobility`);
    const rss = page.getByRole('link', { name: /^RSS/ });
    // The prerendered frame carries the unfiltered links until the app has read the URL's filters.
    await expect.poll(() => rss.getAttribute('href')).toBe('/api/feeds/calls?municipality=3107&domain=mobility');
    expect(await page.getByRole('link', { name: /^Kalender \(ICS\)/ }).getAttribute('href')).toBe('/api/feeds/deadlines.ics?municipality=3107&domain=mobility');
    const res = await fetch(server.baseUrl + (await rss.getAttribute('href')));
    expect(res.status).toBe(200);
  });

  it('a company saves a search with feed links, then deletes it; the unsubscribe page needs a token', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, MEMBER.name, MEMBER.org);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Varsler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Varsler og lagrede søk' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Dine lagrede søk' }).waitFor();
    expect(await page.getByLabel('Send også til medlemmene').count()).toBe(0);
    await expectAccessible(page, 'saved searches');

    await page.getByRole('button', { name: 'Lagre søket' }).click();
    await page.getByRole('alert').filter({ hasText: 'Skjemaet har feil' }).waitFor();
    await expectAccessible(page, 'saved searches form with errors');

    const name = `Parkering e2e ${Date.now().toString(36)}`;
    await page.getByLabel('Navn på søket').fill(name);
    await page.getByLabel('CPV-kode (begynnelse)').fill('34');
    await page.getByLabel('Kommune').selectOption({ label: 'Fredrikstad' });
    await page.getByLabel('Straks en utlysning publiseres').check();
    await page.getByLabel('E-post').fill('nora@example.no');
    await page.getByRole('button', { name: 'Lagre søket' }).click();
    await page.getByText(`Søket «${name}» er lagret.`).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    expect(await card.getByRole('link', { name: /^RSS/ }).getAttribute('href')).toMatch(/^\/api\/feeds\/calls\?.*cpv=34/);
    expect(await card.getByRole('link', { name: /^Kalender/ }).getAttribute('href')).toMatch(/^\/api\/feeds\/deadlines\.ics\?/);
    await expectAccessible(page, 'saved searches with one search');

    await card.getByRole('button', { name: `Slett ${name}` }).click();
    await page.getByText(`Søket «${name}» er slettet.`).waitFor();
    expect(await page.getByRole('heading', { name }).count()).toBe(0);

    await page.goto(`${server.baseUrl}/avmeld`);
    await page.getByRole('heading', { level: 1, name: 'Stopp e-postvarsler' }).waitFor();
    await page.getByText('Lenken er ugyldig eller utløpt.').waitFor();
    await page.goto(`${server.baseUrl}/avmeld?token=not-a-real-token-1234567890`);
    await page.getByRole('button', { name: 'Stopp e-postvarslene' }).click();
    await page.getByText('Lenken er ugyldig eller utløpt.').waitFor();
    await expectAccessible(page, 'unsubscribe page');
  });

  it('had no uncaught errors in any browser session', () => {
    expect(errors).toEqual([]);
  });
});
