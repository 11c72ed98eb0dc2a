/**
 * Selection in a two-stage procedure, in the browser: Fredrikstad's innovation partnership gets three requests to
 * take part (through the API); after the request deadline (server clock moved) the owner declares impartiality,
 * reads the requests, is told what is missing, picks two companies with reasons and a tender deadline typed in
 * Norwegian time from a browser in New York, and sends the letters. Checked with axe, in English too, at 320 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, browserSession, expectAccessible, osloInputValue, serverApi, signIn } from './support';

const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune', userId: 'user-3107' };
const DAY = 86_400_000;

describe.skipIf(!browserAvailable)('selection of who may tender (two-stage procedure)', () => {
  const session = browserSession();
  let muni: Page;
  let callUrl = '';
  let id = '';

  const { api, login } = serverApi(session);
  const serverNow = async () => Date.parse((await api('/api/dev/clock')).body.now);
  /** A two-stage call of Fredrikstad's whose request deadline lies `inMs` after the server's now. */
  const twoStageCall = async (procedure: string, inMs: number) => ({
    title: `E2E Utvelgelse ${Date.now().toString(36)}`,
    summary: 'Innovasjonspartnerskap om sensorer i avløpsnettet.',
    description: 'Vi søker partnere som vil utvikle sensorer som varsler overløp i avløpsnettet før det skjer.',
    domains: ['water-waste'],
    cpvCodes: ['90400000'],
    deadline: new Date((await serverNow()) + inMs).toISOString(),
    procedure,
    awardCriteria: [
      { id: 'pris', name: 'Pris', kind: 'price', weight: 40 },
      { id: 'kvalitet', name: 'Kvalitet og gjennomføring', kind: 'quality', weight: 30 },
      { id: 'klima', name: 'Klima og miljø', kind: 'climate', weight: 30 },
    ],
  });

  it('takes three requests to take part, and shows the owner the selection form after the deadline', async () => {
    const owner = await login(MUNI.userId);
    const created = await api('/api/calls', { method: 'POST', token: owner, body: await twoStageCall('innovation-partnership', 2 * DAY) });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect((await api(`/api/calls/${id}/publish`, { method: 'POST', token: owner })).status).toBe(200);
    const companies = (await api('/api/dev/users')).body.items.filter((u: any) => u.role === 'company').slice(0, 3);
    expect(companies).toHaveLength(3);
    for (const [i, u] of companies.entries()) {
      const token = await login(u.id);
      const request = {
        summary: `Forespørsel nummer ${i + 1} om å delta.`,
        description: 'Vi har utviklet sensorer for vann og avløp i to andre kommuner.',
        selfDeclaration: { noExclusionGrounds: true, taxAndVatPaid: true, hmsCompliant: true },
        references: [{ customer: `Referansekunde ${i + 1}`, description: 'Sensorpilot i avløpsnettet', year: 2025 }],
      };
      expect((await api(`/api/calls/${id}/proposals/mine`, { method: 'PUT', token, body: request })).status).toBe(201);
    }
    await api('/api/dev/clock', { method: 'POST', body: { advance: 'P3D' } });
    callUrl = `${session.server.baseUrl}/utlysninger/${id}`;

    // Browser in New York: the tender deadline is still read and written in Norwegian time.
    const ctx = await session.browser.newContext({ locale: 'nb-NO', timezoneId: 'America/New_York' });
    muni = await ctx.newPage();
    muni.on('pageerror', (e) => session.errors.push(e.message));
    await signIn(muni, session.server.baseUrl, MUNI.name, MUNI.org);
    await muni.goto(callUrl);
    await muni.getByText('Utvelgelse', { exact: true }).first().waitFor();
    await muni.getByRole('button', { name: 'Jeg erklærer meg habil' }).click();
    await muni.getByRole('heading', { name: 'Utvelgelse av leverandører' }).waitFor();
    await muni.getByText('Forespørsel nummer 1 om å delta.').first().waitFor();
    await expectAccessible(muni, 'selection form');
  });

  it('says what is missing, in an error summary that links to each field', async () => {
    await muni.getByRole('button', { name: 'Send utvelgelsesbrev' }).click();
    const summary = muni.getByRole('alert').filter({ hasText: 'Velg ut minst ett selskap.' });
    await summary.waitFor();
    await muni.getByText('Skriv en begrunnelse på minst 20 tegn.').first().waitFor();
    await muni.getByText('Oppgi frist for tilbud.').first().waitFor();
    await summary.getByRole('link', { name: /^Begrunnelse for utvelgelsen/ }).click();
    expect(await muni.evaluate(() => document.activeElement?.id)).toBe('f-reasons');
    // Nine days ahead of the server's clock is too soon (at least ten). The browser's clock is three days behind
    // the moved server clock, so this is the server's answer: a problem naming the earliest deadline.
    await muni
      .getByRole('checkbox', { name: /^Velg ut / })
      .first()
      .check();
    await muni.getByLabel('Begrunnelse for utvelgelsen (minst 20 tegn)').fill('Valgt ut etter relevante referanser og kapasitet.');
    await muni.getByLabel('Frist for tilbud (minst 10 dager frem)').fill(osloInputValue((await serverNow()) + 9 * DAY));
    await muni.getByRole('button', { name: 'Send utvelgelsesbrev' }).click();
    await muni
      .getByText(/Fristen for tilbud må være minst 10 dager frem i tid, tidligst/)
      .first()
      .waitFor();
    expect(await muni.getByLabel('Frist for tilbud (minst 10 dager frem)').getAttribute('aria-invalid')).toBe('true');
    expect((await api(`/api/calls/${id}`)).body.phase).toBe('selection');
    await expectAccessible(muni, 'selection form with errors');
  });

  it('selects two companies with reasons and a tender deadline in Norwegian time; letters go to all three', async () => {
    const checkboxes = muni.getByRole('checkbox', { name: /^Velg ut / });
    expect(await checkboxes.count()).toBe(3);
    await checkboxes.nth(0).check();
    await checkboxes.nth(1).check();
    await muni.getByText('2 av 3 valgt ut.').waitFor();
    await muni
      .getByLabel('Begrunnelse for utvelgelsen (minst 20 tegn)')
      .fill('Valgt ut etter relevante referanser og kapasitet til å gjennomføre partnerskapet.');
    const deadline = (await serverNow()) + 12 * DAY;
    const typed = osloInputValue(deadline);
    await muni.getByLabel('Frist for tilbud (minst 10 dager frem)').fill(typed);
    await muni.getByRole('button', { name: 'Send utvelgelsesbrev' }).click();
    await muni.getByText(/De utvalgte leverer tilbud til/).waitFor();
    await muni.getByText('Tilbudsfase', { exact: true }).first().waitFor();

    const owner = await login(MUNI.userId);
    const call = (await api(`/api/calls/${id}`, { token: owner })).body;
    expect(call.phase).toBe('tendering');
    // What was typed is Oslo wall time, whatever the browser's zone.
    expect(osloInputValue(Date.parse(call.tenderDeadline))).toBe(typed);
    const letters = (await api(`/api/calls/${id}/letters`, { token: owner })).body.items;
    expect(letters.filter((l: any) => l.kind === 'selection')).toHaveLength(3);
    await expectAccessible(muni, 'tendering');
  });

  it('shows the form in English and reflows at 320 px', async () => {
    // A fresh call in selection for the English and narrow view.
    const owner = await login(MUNI.userId);
    const created = await api('/api/calls', { method: 'POST', token: owner, body: await twoStageCall('competitive-negotiation', DAY) });
    expect(created.status).toBe(201);
    await api(`/api/calls/${created.body.id}/publish`, { method: 'POST', token: owner });
    const u = (await api('/api/dev/users')).body.items.find((x: any) => x.role === 'company');
    const request = {
      summary: 'A request to take part in English.',
      description: 'We make water meters that report leaks every hour.',
      selfDeclaration: { noExclusionGrounds: true, taxAndVatPaid: true, hmsCompliant: true },
    };
    expect((await api(`/api/calls/${created.body.id}/proposals/mine`, { method: 'PUT', token: await login(u.id), body: request })).status).toBe(201);
    await api('/api/dev/clock', { method: 'POST', body: { advance: 'P2D' } });
    await api(`/api/calls/${created.body.id}/impartiality`, { method: 'POST', token: owner, body: { impartial: true } });

    await muni.setViewportSize({ width: 320, height: 800 });
    await muni.goto(`${session.server.baseUrl}/utlysninger/${created.body.id}`);
    await muni.getByRole('heading', { name: 'Utvelgelse av leverandører' }).waitFor();
    expect(await muni.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await muni.getByRole('button', { name: 'English' }).click();
    await muni.getByRole('heading', { name: 'Selection of suppliers' }).waitFor();
    await muni.getByText('Who may tender?').waitFor();
    await muni.getByText(/Norwegian time\. .* at the earliest\./).waitFor();
    expect(await muni.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(muni, 'selection form in English at 320 px');
  });

  it('had no uncaught errors', () => {
    expect(session.errors).toEqual([]);
  });
});
