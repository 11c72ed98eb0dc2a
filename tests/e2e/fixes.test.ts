/**
 * Smaller things that cost trust: a draft can be deleted, «Publiser» says why it cannot be used once the
 * deadline has passed, «Mine utlysninger» counts and orders the calls, and a closed call shows the
 * municipality its proposals first.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable, browserSession, expectAccessible, signIn } from './support';

const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune' };

describe.skipIf(!browserAvailable)('fixes for municipalities', () => {
  const s = browserSession();

  async function createDraft(token: string, title: string, deadline: Date) {
    const res = await fetch(`${s.server.baseUrl}/api/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        summary: 'Et utkast som skal slettes igjen.',
        description: 'Brukes for å prøve sletting av utkast og publisering etter fristen.',
        domains: ['energy'],
        cpvCodes: [],
        deadline: deadline.toISOString(),
        procedure: 'market-dialogue',
      }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  }

  it("«Publiser» is disabled with the reason once the draft's deadline has passed, and a draft can be deleted", async () => {
    const page = await s.newPage();
    await signIn(page, s.server.baseUrl, MUNI.name, MUNI.org);
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('itorget.session') ?? '{}').token as string);
    const title = `Utkast som slettes ${Date.now().toString(36)}`;
    const deadline = new Date(Date.now() + 10 * 60_000);
    const draft = await createDraft(token, title, deadline);

    // The browser's clock a quarter of an hour on: the deadline has passed for the page, the 8-hour
    // sign-in has not (no waiting for real time).
    await page.clock.install({ time: new Date(deadline.getTime() + 5 * 60_000) });
    await page.goto(`${s.server.baseUrl}/utlysninger/${draft.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const publish = page.getByRole('button', { name: 'Publiser' });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByText(/Kan ikke publiseres: fristen .* har gått ut\./).waitFor();
    await expectAccessible(page, 'draft past its deadline');

    await page.getByRole('button', { name: 'Slett utkastet' }).click();
    await page.getByRole('button', { name: 'Ja, slett' }).click();
    await page.waitForURL(/\/mine-utlysninger\?slettet=1$/);
    await page.getByText('Utkastet er slettet.').waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);
    const res = await fetch(`${s.server.baseUrl}/api/calls/${draft.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    await page.context().close();
  });

  it('«Mine utlysninger» counts the calls by status and puts drafts first', async () => {
    const page = await s.newPage();
    await signIn(page, s.server.baseUrl, MUNI.name, MUNI.org);
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('itorget.session') ?? '{}').token as string);
    const title = `Utkast øverst ${Date.now().toString(36)}`;
    await createDraft(token, title, new Date(Date.now() + 30 * 86_400_000));
    await page.goto(`${s.server.baseUrl}/mine-utlysninger`);
    const counts = page.getByRole('list', { name: 'Antall utlysninger etter status' });
    await counts.waitFor();
    expect(await counts.innerText()).toMatch(/\d+ utkast/);
    // Work order: drafts first.
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.locator('tbody tr').first().locator('.status').innerText()).toBe('Utkast');
    await page.getByLabel('Sorter').selectOption({ label: 'Sist opprettet' });
    expect(await page.locator('tbody tr').first().getByRole('rowheader').innerText()).toBe(title);
    await expectAccessible(page, 'my calls with counts');
    await page.context().close();
  });

  it('had no uncaught page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
