/**
 * The main journey across two organisations, in two browser sessions:
 * Fredrikstad creates and publishes a call with a deadline ~40 s ahead; a Sarpsborg company finds it and
 * submits a proposal; Fredrikstad sees the proposals sealed, then reads the proposal once the deadline passes.
 * Every page visited is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, expectAccessible, launchBrowser, osloInputValue, signIn, startServer, type LocalServer } from './support';
import { COMPANIES } from '../../infra/local/demo-data.js';

const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune' };
const COMPANY = { name: 'Nora Solberg', org: COMPANIES[0]!.name };
const DEADLINE_AHEAD_MS = 40_000;

describe.skipIf(!browserAvailable)('journey: call → proposal → sealed → read', () => {
  let server: LocalServer;
  let browser: Browser;
  let muniCtx: BrowserContext;
  let companyCtx: BrowserContext;
  let muni: Page;
  let company: Page;
  const errors: string[] = [];

  const title = `E2E Smart avfallshenting ${Date.now().toString(36)}`;
  let callUrl = '';
  let deadline = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    muniCtx = await browser.newContext({ locale: 'nb-NO' });
    companyCtx = await browser.newContext({ locale: 'nb-NO' });
    muni = await muniCtx.newPage();
    company = await companyCtx.newPage();
    for (const p of [muni, company]) p.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists open calls on the front page and offers demo users grouped by organisation kind', async () => {
    await muni.goto(server.baseUrl + '/');
    await expect.poll(() => muni.title()).toMatch(/^Åpne utlysninger/);
    expect(await muni.locator('html').getAttribute('lang')).toBe('nb');
    // The frame (and its title) is prerendered; the calls arrive once the app has loaded them.
    await expect.poll(() => muni.getByRole('article').count()).toBeGreaterThan(3);
    await expectAccessible(muni, 'front page');

    await muni.goto(server.baseUrl + '/logg-inn');
    for (const group of ['Kommune', 'Bedrift', 'Forening', 'Programeier']) {
      await muni.getByRole('heading', { level: 2, name: group }).waitFor();
    }
    await expectAccessible(muni, 'sign-in page');
  });

  it('Fredrikstad creates a draft with inline validation, then publishes it', async () => {
    await signIn(muni, server.baseUrl, MUNI.name, MUNI.org);
    await muni.getByRole('link', { name: 'Ny utlysning' }).first().click();
    await muni.getByRole('heading', { level: 1, name: 'Ny utlysning' }).waitFor();
    await expectAccessible(muni, 'new call form');

    // Submitting empty shows the error summary (focused) and marks fields invalid, linked to their message.
    await muni.getByRole('button', { name: 'Lagre utkast' }).click();
    const summary = muni.getByRole('alert').filter({ hasText: 'Skjemaet har feil' });
    await summary.waitFor();
    await expect.poll(() => muni.evaluate(() => document.activeElement?.classList.contains('summary'))).toBe(true);
    const titleInput = muni.getByLabel('Tittel', { exact: true });
    expect(await titleInput.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await titleInput.getAttribute('aria-describedby')) ?? '';
    expect(await muni.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`).textContent()).toContain('minst 3 tegn');
    await expectAccessible(muni, 'new call form with errors');

    await titleInput.fill(title);
    await muni.getByLabel('Kort sammendrag').fill('Sensorer i avfallsbeholdere som melder når de bør tømmes.');
    await muni.getByLabel('Beskrivelse', { exact: true }).fill('Vi ønsker løsninger som reduserer unødvendig kjøring og gir bedre oversikt over fyllingsgrad.');
    await muni.getByRole('checkbox', { name: 'Vann, avløp og avfall' }).check();
    await muni.getByRole('checkbox', { name: 'Miljø og klima' }).check();
    const cpv = muni.getByLabel(/CPV-koder/);
    await cpv.fill('90500000, 1234');
    await muni.locator('#cpv-preview').getByText('er ikke en gyldig CPV-kode').waitFor();
    await cpv.fill('90500000, 72212000');
    await muni.locator('#cpv-preview').getByText('Avfallstjenester').waitFor();
    await muni.getByLabel('Fra (kr)').fill('500000');
    await muni.getByLabel('Til (kr)').fill('2000000');
    // A one-stage competition: companies send tenders with a price (criteria keep the form's default weights).
    await muni.getByLabel('Framgangsmåte').selectOption('startup-challenge');
    deadline = Date.now() + DEADLINE_AHEAD_MS;
    await muni.getByLabel('Frist').fill(osloInputValue(deadline, 'second'));
    // The API keeps whole seconds; the browser may drop sub-second precision.
    deadline = Math.floor(deadline / 1000) * 1000;
    await muni.getByRole('button', { name: 'Lagre utkast' }).click();

    await muni.waitForURL(/\/utlysninger\/[0-9A-Z]{26}/);
    callUrl = muni.url().split('?')[0]!;
    await muni.getByRole('heading', { level: 1, name: title }).waitFor();
    await muni.getByText('Utkastet er lagret').waitFor();
    await muni.getByText('Utkast', { exact: true }).first().waitFor();
    await expectAccessible(muni, 'draft call page');

    await muni.getByRole('button', { name: 'Publiser' }).click();
    await muni.getByText('Utlysningen er publisert').waitFor();
    await muni.getByText('Åpen', { exact: true }).first().waitFor();
    await expectAccessible(muni, 'published call page');
  });

  it('lists the call under "Mine utlysninger"', async () => {
    await muni.getByRole('link', { name: 'Mine utlysninger' }).click();
    await muni.getByRole('link', { name: title }).waitFor();
    await expectAccessible(muni, 'my calls');
  });

  it('a Sarpsborg company finds the call with the search filter and submits a proposal', async () => {
    await signIn(company, server.baseUrl, COMPANY.name, COMPANY.org);
    await company.getByLabel('Søk i tittel og beskrivelse').fill(title);
    await company.getByLabel('Kommune').selectOption({ label: 'Fredrikstad' });
    await company.getByRole('button', { name: 'Vis utlysninger' }).click();
    await company.waitForURL(/[?&]q=/);
    await company.getByRole('link', { name: title }).click();
    await company.getByRole('heading', { level: 1, name: title }).waitFor();
    await company.getByText('Avfallstjenester').waitFor();
    await company.getByRole('heading', { name: 'Ditt tilbud' }).waitFor();
    await expectAccessible(company, 'call page as company');

    await company.getByLabel('Sammendrag av tilbudet').fill('Trådløse fyllingssensorer og ruteoptimalisering.');
    await company.getByLabel('Beskrivelse av løsningen').fill('Vi monterer sensorer i 400 beholdere og leverer et dashbord med ruteforslag.');
    await company.getByLabel(/Pris \(kr/).fill('1450000');
    await company.getByLabel(/Samarbeidspartnere/).fill('Høgskolen i Østfold\nFredrikstad Energi');
    await company.getByRole('button', { name: 'Send inn tilbud' }).click();
    await company.getByText('Tilbudet er sendt inn').waitFor();
    await company.getByRole('button', { name: 'Endre tilbudet' }).waitFor();
    await expectAccessible(company, 'call page with submitted proposal');

    await company.getByRole('link', { name: 'Mine svar' }).click();
    await company.getByRole('link', { name: title }).waitFor();
    await expectAccessible(company, 'my proposals');

    await company.getByRole('link', { name: 'Bedriftsprofil' }).click();
    await company.getByLabel('Bedriftens navn').waitFor();
    await expect.poll(() => company.getByLabel('Bedriftens navn').inputValue()).toBe(COMPANY.org);
    await expectAccessible(company, 'company profile');
  });

  it('the municipality sees the proposals sealed before the deadline', async () => {
    expect(Date.now()).toBeLessThan(deadline - 1000);
    await muni.goto(callUrl);
    await muni.getByRole('heading', { name: 'Tilbudene er forseglet' }).or(muni.getByText('Tilbudene er forseglet')).first().waitFor();
    expect(await muni.getByText(COMPANY.org).count()).toBe(0);
    await expectAccessible(muni, 'call page, proposals sealed');
  });

  it('after the deadline the municipality reads the proposal without reloading', async () => {
    // The page re-asks for the proposals the moment the deadline passes; first the reader declares impartiality.
    await muni.getByRole('button', { name: 'Jeg erklærer meg habil' }).click({ timeout: deadline - Date.now() + 15_000 });
    await muni.getByRole('heading', { level: 3, name: new RegExp(COMPANY.org.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    await muni.getByText('Trådløse fyllingssensorer og ruteoptimalisering.').waitFor();
    await muni.getByText('Høgskolen i Østfold, Fredrikstad Energi').waitFor();
    await muni.getByText('Frist passert', { exact: true }).first().waitFor();
    await expectAccessible(muni, 'call page, proposals open');

    // And the company can no longer change it.
    await company.goto(callUrl);
    await company.getByText('tilbudet kan ikke lenger endres').waitFor();
    expect(await company.getByRole('button', { name: 'Endre tilbudet' }).count()).toBe(0);
  });

  it('had no uncaught errors in either browser session', () => {
    expect(errors).toEqual([]);
  });
});
