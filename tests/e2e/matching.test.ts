/**
 * Matching in the browser: the programme owner computes a partner slate for all open calls (provably
 * optimal), reads the reasons and exports it as CSV; Fredrikstad unfolds suggested partners on its own
 * call; a company sees «Utlysninger for deg» on the front page but no partner suggestions on a call
 * (and never asks the API for them). Every page visited is checked with axe.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, browserSession, expectAccessible, signIn, type LocalServer } from './support';
import { COMPANIES, PROGRAMME as DEMO_PROGRAMME } from '../../infra/local/demo-data.js';

const PROGRAMME = { name: 'Line Aas', org: DEMO_PROGRAMME.name };
const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune' };
const COMPANY = { name: 'Nora Solberg', org: COMPANIES[0]!.name };
// Norwegian Excel: semicolons, decimal commas, headers in the page's language.
const CSV_HEADER = 'Utlysnings-ID;Tittel;Kommune;Rangering;Organisasjonsnummer;Bedrift;Poeng;Begrunnelse';

/** RFC 4180 with «;» as separator: quoted fields may hold semicolons, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

interface OpenCall {
  id: string;
  title: string;
  municipalityCode: string;
}

describe.skipIf(!browserAvailable)('matching: partner slate, suggested partners, calls for you', () => {
  const session = browserSession();
  const newPage = () => session.newPage();
  const errors = session.errors;
  let server: LocalServer;
  let openCalls: OpenCall[] = [];

  beforeAll(async () => {
    server = session.server;
    const res = await fetch(`${server.baseUrl}/api/calls?status=open&limit=100`);
    openCalls = ((await res.json()) as { items: OpenCall[] }).items;
  });

  it('has open calls in the demo data, some of them from Fredrikstad', () => {
    expect(openCalls.length).toBeGreaterThan(5);
    expect(openCalls.some((c) => c.municipalityCode === '3107')).toBe(true);
  });

  it('the programme owner computes a provably optimal slate, reads the reasons and exports CSV', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, PROGRAMME.name, PROGRAMME.org);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Partnerforslag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnerforslag' }).waitFor();
    await expectAccessible(page, 'partner slate page');

    await page.getByLabel('Partnere per utlysning').selectOption('2');
    expect(await page.getByRole('checkbox', { name: 'Respekter kapasitet' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Beregn partnerforslag' }).click();
    await page.getByText('Beviselig optimal', { exact: false }).first().waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Partnerforslag for ${openCalls.length} utlysninger er klart.` })
      .waitFor();

    // One row per open call, each title linking to the call.
    const table = page.getByRole('table', { name: 'Foreslåtte partnere per utlysning' });
    expect(await table.locator('tbody tr').count()).toBe(openCalls.length);
    for (const call of openCalls) {
      expect(await table.getByRole('link', { name: call.title, exact: true }).getAttribute('href')).toBe(`/utlysninger/${call.id}`);
    }
    // Two partners in the first row, each with a score that has a text alternative.
    const firstRow = table.locator('tbody tr').first();
    expect(await firstRow.locator('ol > li').count()).toBe(2);
    await firstRow
      .getByText(/^Treff: \d{1,3} av 100$/)
      .first()
      .waitFor({ state: 'attached' });

    // The evidence behind «Beviselig optimal».
    await page.getByText('Slik er det beregnet').click();
    await page.getByText('min-cost flow', { exact: false }).waitFor();
    await page
      .locator('details')
      .getByText(/^\d+ av \d+$/)
      .waitFor();

    // Reasons: hidden until the row's toggle is pressed.
    const toggle = firstRow.getByRole('button', { name: /^Vis begrunnelse/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await firstRow.getByText(/poeng$/).count()).toBe(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await firstRow
      .getByText(/poeng$/)
      .first()
      .waitFor();
    expect(await firstRow.getByRole('list', { name: /^Hvorfor .* passer$/ }).count()).toBe(2);
    await expectAccessible(page, 'partner slate with reasons and evidence');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await firstRow.getByText(/poeng$/).count()).toBe(0);

    // CSV export: a real download, UTF-8 with BOM, RFC 4180 rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksporter CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^partnerforslag-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(CSV_HEADER);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows.length).toBe(1 + 2 * openCalls.length);
    expect(rows.every((r) => r.length === 8)).toBe(true);

    const firstTitle = (await firstRow.getByRole('rowheader').textContent())!.trim();
    const firstPartner = firstRow.locator('ol > li a').first();
    const firstCompany = (await firstPartner.textContent())!.trim();
    const orgNumber = (await firstPartner.getAttribute('href'))!.split('/').pop()!;
    const callId = (await firstRow.getByRole('link', { name: firstTitle, exact: true }).getAttribute('href'))!.split('/').pop()!;
    const row = rows.find((r) => r[0] === callId && r[3] === '1');
    expect(row, 'CSV row for the first partner of the first call').toBeDefined();
    const [, title, municipality, , org, company, score, reasonsText] = row!;
    expect(title).toBe(firstTitle);
    expect(municipality).toBe((await firstRow.locator('td').first().textContent())!.trim());
    expect(org).toBe(orgNumber);
    expect(company).toBe(firstCompany);
    expect(score).not.toContain('.'); // decimal comma
    expect(Number(score!.replace(',', '.'))).toBeGreaterThan(0);
    expect(Number(score!.replace(',', '.'))).toBeLessThanOrEqual(100);
    expect(reasonsText!.split(' | ').length).toBeGreaterThan(1);
    expect(text).not.toContain('Ã'); // no UTF-8 read as Latin-1

    // The call page shows the programme owner the same suggestions; a partner links to its public page.
    await page.getByRole('link', { name: firstTitle, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: firstTitle }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Foreslåtte partnere' }).waitFor();
    await page.getByRole('button', { name: 'Vis forslagene' }).click();
    await page.getByRole('link', { name: firstCompany, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: firstCompany }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Om bedriften' }).waitFor();
    await expectAccessible(page, 'public company page');
  });

  it('Fredrikstad sees «Foreslåtte partnere» with reasons on its own open call', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, MUNI.name, MUNI.org);
    const call = openCalls.find((c) => c.municipalityCode === '3107')!;
    await page.goto(`${server.baseUrl}/utlysninger/${call.id}`);
    await page.getByRole('heading', { level: 1, name: call.title }).waitFor();
    const section = page.getByRole('region', { name: 'Foreslåtte partnere' });
    // Folded away until asked for.
    const show = section.getByRole('button', { name: 'Vis forslagene' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    expect(await section.getByRole('article').count()).toBe(0);
    await expectAccessible(page, 'call page with suggested partners folded');
    await show.click();
    expect(await show.getAttribute('aria-expanded')).toBe('true');
    await section.getByRole('heading', { level: 3 }).first().waitFor();
    const partners = section.getByRole('article');
    expect(await partners.count()).toBe(10);
    const first = partners.first();
    expect(await first.getByRole('link').first().getAttribute('href')).toMatch(/^\/bedrifter\/\d{9}$/);
    await first.getByText(/^Treff: \d{1,3} av 100$/).waitFor({ state: 'attached' });
    const reasons = first.getByRole('list', { name: /^Hvorfor .* passer$/ }).getByRole('listitem');
    expect(await reasons.count()).toBeGreaterThan(0);
    expect(await reasons.first().textContent()).toMatch(/\+\d+(,\d)? poeng/);
    await expectAccessible(page, 'call page with suggested partners');
  });

  it('a company sees «Utlysninger for deg» above the list on the (unfiltered) front page', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, COMPANY.name, COMPANY.org);
    const section = page.getByRole('region', { name: 'Utlysninger for deg' });
    await section.getByRole('article').first().waitFor();
    const items = section.getByRole('article');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.count()).toBeLessThanOrEqual(5);
    const first = items.first();
    const link = first.getByRole('link').first();
    expect(openCalls.map((c) => `/utlysninger/${c.id}`)).toContain(await link.getAttribute('href'));
    await first.getByText(/^Treff: \d{1,3} av 100$/).waitFor({ state: 'attached' });

    // Reasons are folded away under «Hvorfor?».
    const reason = first.getByText(/poeng$/).first();
    expect(await reason.isVisible()).toBe(false);
    await first.getByText('Hvorfor?').click();
    await reason.waitFor();
    // The section comes before the general list.
    const order = await page.evaluate(() => {
      const forYou = document.getElementById('for-you-title');
      const results = document.getElementById('results-title');
      return !!forYou && !!results && !!(forYou.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    await expectAccessible(page, 'front page with calls for you');

    // While searching, the results come first and the suggestions step aside.
    await page.getByLabel('Søk i tittel og beskrivelse').fill('parkering');
    await page.getByRole('button', { name: 'Vis utlysninger' }).click();
    await page.waitForURL(/[?&]q=parkering/);
    await page
      .getByRole('status')
      .filter({ hasText: /^Viser / })
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Utlysninger for deg' }).count()).toBe(0);
  });

  it('a company does not see (or request) «Foreslåtte partnere» on a call page', async () => {
    const page = await newPage();
    const matchRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/calls\/[^/]+\/matches/.test(r.url())) matchRequests.push(r.url());
    });
    await signIn(page, server.baseUrl, COMPANY.name, COMPANY.org);
    const call = openCalls.find((c) => c.municipalityCode === '3107')!;
    await page.goto(`${server.baseUrl}/utlysninger/${call.id}`);
    await page.getByRole('heading', { level: 1, name: call.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^(Ditt innspill|Din forespørsel om å delta|Ditt tilbud)$/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Foreslåtte partnere' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Vis forslagene' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Partnerforslag' }).count()).toBe(0);
    expect(matchRequests).toEqual([]);
    await expectAccessible(page, 'call page as company (no partner suggestions)');
  });

  it('had no uncaught page errors', () => {
    expect(errors).toEqual([]);
  });
});
