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

	it('had no uncaught page errors', () => {
		expect(s.errors).toEqual([]);
	});
});
