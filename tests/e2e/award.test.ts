/**
 * One competition in the browser from criteria to contract: Fredrikstad drafts a start-up challenge with weighted
 * criteria and publishes it; two companies tender (through the API: the main journey covers the tender form);
 * after the deadline (server clock moved) Fredrikstad declares impartiality, scores both tenders in the evaluation
 * table, previews and sends the award letters; the losing company reads its letter; after the standstill the
 * contract is recorded. Every page is checked with axe, and the call page at 320 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, browserSession, expectAccessible, serverApi, signIn } from './support';

const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune', userId: 'user-3107' };
const WINNER = { name: 'Nora Solberg', org: 'Flåklypa Parkering (demo)' };

describe.skipIf(!browserAvailable)('award journey: criteria → evaluation → letters → standstill → contract', () => {
  const session = browserSession();
  let muni: Page;
  let company: Page;
  let callUrl = '';
  const title = `E2E Tildeling ${Date.now().toString(36)}`;

  const { api, login } = serverApi(session);
  const advance = (duration: string) => api('/api/dev/clock', { method: 'POST', body: { advance: duration } });
  async function serverLocalInput(): Promise<string> {
    const d = new Date((await api('/api/dev/clock')).body.now);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }

  it('drafts a competition with weighted criteria (climate ≥ 30 %) and publishes it', async () => {
    muni = await session.newPage();
    await signIn(muni, session.server.baseUrl, MUNI.name, MUNI.org);
    await muni.goto(session.server.baseUrl + '/utlysninger/ny');
    await muni.getByRole('heading', { level: 1, name: 'Ny utlysning' }).waitFor();
    await muni.getByLabel('Tittel', { exact: true }).fill(title);
    await muni.getByLabel('Kort sammendrag').fill('Sensorer som melder når beholderne bør tømmes.');
    await muni.getByLabel('Beskrivelse', { exact: true }).fill('Vi ønsker en pilot som reduserer kjøring og gir oversikt over fyllingsgrad.');
    await muni.getByRole('checkbox', { name: 'Vann, avløp og avfall' }).check();
    await muni.getByLabel('Framgangsmåte').selectOption('startup-challenge');
    await muni.getByText('Sum vekter: 100 av 100').waitFor();
    await muni.getByLabel('Vekt i prosent, kriterium 2').fill('35');
    await muni.getByLabel('Vekt i prosent, kriterium 3').fill('25');
    await muni.getByText('Sum vekter: 100 av 100').waitFor();
    const d = new Date(Date.now() + 3 * 86_400_000);
    const p = (n: number) => String(n).padStart(2, '0');
    await muni.getByLabel('Frist').fill(`${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T12:00`);
    await expectAccessible(muni, 'new call form with criteria');
    await muni.getByRole('button', { name: 'Lagre utkast' }).click();
    await muni.waitForURL(/\/utlysninger\/[0-9A-Z]{26}/);
    callUrl = muni.url().split('?')[0]!;

    // Climate at 25 % without climate requirements: publishing is refused, naming the rule.
    await muni.getByRole('button', { name: 'Publiser' }).click();
    await muni.getByText(/§ 7-9/).first().waitFor();
    const id = callUrl.split('/').pop()!;
    const token = await login(MUNI.userId);
    const current = await fetch(`${session.server.baseUrl}/api/calls/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const patched = await fetch(`${session.server.baseUrl}/api/calls/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': current.headers.get('etag')! },
      body: JSON.stringify({ climateRequirements: { text: 'Kravspesifikasjonen krever utslippsfri tømming og gjenbruk av sensorene.' } }),
    });
    expect(patched.status).toBe(200);
    await muni.reload();
    await muni.getByRole('button', { name: 'Publiser' }).click();
    await muni.getByText('Utlysningen er publisert').waitFor();
    await muni.getByText('Åpen', { exact: true }).first().waitFor();
  });

  it('takes two tenders, then after the deadline asks for impartiality before showing them', async () => {
    const id = callUrl.split('/').pop()!;
    const tender = (priceNok: number, summary: string) => ({ summary, description: 'Pilot med 40 sensorer i tre måneder og felles evaluering.', priceNok });
    const companies = (await api('/api/dev/users')).body.items.filter((u: any) => ['Nora Solberg', 'Henrik Bakke'].includes(u.name));
    expect(companies).toHaveLength(2);
    for (const [i, u] of companies.entries()) {
      const token = await login(u.id);
      expect(
        (await api(`/api/calls/${id}/proposals/mine`, { method: 'PUT', token, body: tender(200_000 * (i + 1), `Tilbud nummer ${i + 1} med sensorer.`) }))
          .status,
      ).toBe(201);
    }
    await advance('P4D');
    await muni.goto(callUrl);
    await muni.getByText('Evaluering', { exact: true }).first().waitFor();
    await muni.getByRole('button', { name: 'Jeg erklærer meg habil' }).click();
    await muni.getByText('Tilbud nummer 1 med sensorer.').waitFor();
    await muni.getByRole('table').waitFor();
    await expectAccessible(muni, 'evaluation table');
  });

  it('scores both tenders, previews the letters and sends the award decision', async () => {
    const rows = await muni.getByRole('table').locator('tbody tr th').allTextContents();
    expect(rows).toHaveLength(2);
    for (const [i, company] of rows.entries()) {
      await muni.getByLabel(`Kvalitet og gjennomføring, poeng 0–10 for ${company}`).fill(String(8 - i));
      await muni.getByLabel(`Klima og miljø, poeng 0–10 for ${company}`).fill(String(7 - i));
      await muni.getByRole('button', { name: `Lagre poeng for ${company}` }).click();
      await muni.getByText('Poengene er lagret.').waitFor();
    }
    await muni.getByText('2 av 2 tilbud er evaluert.', { exact: false }).waitFor();
    const winner = rows.find((r) => r === WINNER.org) ?? rows[0]!;
    await muni.getByLabel(`Tildel kontrakten til ${winner}`).check();
    await muni.getByLabel('Begrunnelse (minst 50 tegn)').fill('Vinneren har lavest pris og høyest poeng på kvalitet og klima etter de publiserte kriteriene.');
    await muni.getByRole('button', { name: 'Forhåndsvis brevene' }).click();
    await muni.getByText(`Brev til ${rows[1]}`).waitFor();
    await expectAccessible(muni, 'award letters preview');
    await muni.getByRole('button', { name: 'Send tildelingsbeslutning' }).click();
    await muni.getByText('Karensperiode', { exact: true }).first().waitFor();
    await muni
      .getByText(/Karensperioden varer til/)
      .first()
      .waitFor();
    await expectAccessible(muni, 'standstill');
  });

  it('lets the company read its letter, with the phase shown', async () => {
    company = await session.newPage();
    await signIn(company, session.server.baseUrl, WINNER.name, WINNER.org);
    await company.goto(callUrl);
    await company.getByRole('heading', { name: 'Brev' }).waitFor();
    await company
      .getByText(/^Tildelingsbeslutning:/)
      .first()
      .click();
    await company.getByText(/Karensperioden varer til/).waitFor();
    await company.getByText('Karensperiode', { exact: true }).first().waitFor();
    await expectAccessible(company, 'company letters');
  });

  it('records the contract after the standstill; the call page works at 320 px', async () => {
    await advance('P11D');
    await muni.goto(callUrl);
    await muni.getByLabel('Signert dato').fill(await serverLocalInput());
    await muni.getByLabel('Kontraktsverdi (kr ekskl. mva.)').fill('200000');
    await muni.getByRole('button', { name: 'Registrer kontrakten' }).click();
    await muni.getByText(/Kontrakt inngått .* verdi/).waitFor();
    await muni.getByText('Kontrakt inngått', { exact: true }).first().waitFor();
    await expectAccessible(muni, 'contracted');
    await muni.setViewportSize({ width: 320, height: 800 });
    await muni.reload();
    await muni.getByText('Kontrakt inngått', { exact: true }).first().waitFor();
    expect(await muni.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('had no uncaught errors', () => {
    expect(session.errors).toEqual([]);
  });
});
