/**
 * Readable before JavaScript: the front page's frame and the static pages are HTML at build time, so they
 * show their content with scripts off; the footer links to each, and each is accessible.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable, browserSession, expectAccessible } from './support';

const PAGES = [
  { path: '/', h1: 'Innovasjonsutlysninger i Østfold' },
  { path: '/om', h1: 'Om Innovasjonstorget' },
  { path: '/om/apne-data', h1: 'Åpne data' },
  { path: '/tilgjengelighet', h1: 'Tilgjengelighetserklæring' },
  { path: '/personvern', h1: 'Personvernerklæring' },
  { path: '/kontakt', h1: 'Kontakt' },
];

describe.skipIf(!browserAvailable)('prerendered pages', () => {
  const s = browserSession();

  it('are served as HTML with their content, before any script runs', async () => {
    for (const p of PAGES) {
      const html = await (await fetch(s.server.baseUrl + p.path)).text();
      expect(html, p.path).toContain(`${p.h1}</h1>`);
      expect(html, p.path).toContain('href="/personvern"');
    }
  });

  it('read well with JavaScript turned off', async () => {
    const ctx = await s.browser.newContext({ locale: 'nb-NO', javaScriptEnabled: false });
    const page = await ctx.newPage();
    for (const p of PAGES) {
      await page.goto(s.server.baseUrl + p.path);
      await page.getByRole('heading', { level: 1, name: p.h1 }).waitFor();
      await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' }).waitFor();
    }
    // The front page says why the list is empty and where else to read it.
    await page.goto(s.server.baseUrl + '/');
    // (Playwright's text locators skip <noscript>; what the reader sees is in innerText.)
    expect(await page.locator('main').innerText()).toContain('Listen over utlysninger trenger JavaScript');
    await ctx.close();
  });

  it('are reached from the footer, accessible, and the statements have the expected parts', async () => {
    const page = await s.newPage();
    await page.goto(s.server.baseUrl + '/');
    await page.getByRole('article').first().waitFor();
    for (const [link, h1] of [
      ['Om tjenesten', 'Om Innovasjonstorget'],
      ['Åpne data', 'Åpne data'],
      ['Tilgjengelighetserklæring', 'Tilgjengelighetserklæring'],
      ['Personvern', 'Personvernerklæring'],
      ['Kontakt', 'Kontakt'],
    ] as const) {
      await page.getByRole('contentinfo').getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
      await expectAccessible(page, h1);
    }
    await page.goto(s.server.baseUrl + '/tilgjengelighet');
    for (const h2 of ['Hvordan vi har testet', 'Dette er ikke universelt utformet', 'Tilbakemelding', 'Klage til tilsynet']) {
      await page.getByRole('heading', { level: 2, name: h2 }).waitFor();
    }
    await page.goto(s.server.baseUrl + '/personvern');
    await page.getByRole('table', { name: 'Opplysninger, formål og lagringstid' }).waitFor();
    expect(await page.getByRole('table').locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
  });

  it('a published call gets real HTML with previews, and the app takes over from it', async () => {
    const { token } = (await (
      await fetch(`${s.server.baseUrl}/api/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          userId: ((await (await fetch(`${s.server.baseUrl}/api/dev/users`)).json()) as { items: { id: string; name: string }[] }).items.find(
            (u) => u.name === 'Ola Hansen',
          )!.id,
        }),
      })
    ).json()) as { token: string };
    const title = `Delt i nyhetsbrevet ${Date.now().toString(36)}`;
    const created = await fetch(`${s.server.baseUrl}/api/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        summary: 'En utlysning som deles i sosiale medier.',
        description: 'Forhåndsvisningen skal vise tittel og sammendrag.',
        domains: ['energy'],
        cpvCodes: [],
        deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        procedure: 'market-dialogue',
      }),
    });
    const { id } = (await created.json()) as { id: string };
    // A draft has no page of its own.
    expect(await (await fetch(`${s.server.baseUrl}/utlysninger/${id}`)).text()).not.toContain('og:title');
    await fetch(`${s.server.baseUrl}/api/calls/${id}/publish`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

    const html = await (await fetch(`${s.server.baseUrl}/utlysninger/${id}`)).text();
    expect(html).toContain(`<meta property="og:title" content="${title} – Fredrikstad kommune" />`);
    expect(html).toContain('application/ld+json');

    const ctx = await s.browser.newContext({ locale: 'nb-NO', javaScriptEnabled: false });
    const noJs = await ctx.newPage();
    await noJs.goto(`${s.server.baseUrl}/utlysninger/${id}`);
    await noJs.getByRole('heading', { level: 1, name: title }).waitFor();
    await ctx.close();

    const page = await s.newPage();
    await page.goto(`${s.server.baseUrl}/utlysninger/${id}`);
    await page.getByRole('heading', { level: 2, name: 'Beskrivelse' }).waitFor();
    await page.getByRole('navigation', { name: 'Hovedmeny' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: title }).count()).toBe(1);
    expect(await page.locator('#static-call').count()).toBe(0);
    await expectAccessible(page, 'call page started from its static HTML');

    // Cancelling rewrites the page: it says so.
    const cancelled = await fetch(`${s.server.baseUrl}/api/calls/${id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Behovet er dekket av en annen avtale.' }),
    });
    expect(cancelled.status).toBe(200);
    expect(await (await fetch(`${s.server.baseUrl}/utlysninger/${id}`)).text()).toContain('Utlysningen er avlyst.');
  });

  it('had no uncaught page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
