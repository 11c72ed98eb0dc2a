/**
 * The public call list in pages (Designsystemet's pagination): numbered links in a labelled nav, the
 * current page marked, the page in the URL so back and forward return to it, focus on the results after a
 * page change, and the same in English.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable, browserSession, expectAccessible } from './support';

describe.skipIf(!browserAvailable)('pages of calls on the front page', () => {
  const s = browserSession();

  it('goes to the next page and back through links and history', async () => {
    // status=all: the demo's open calls alone may fit on one page; every call does not.
    const all = (await (await fetch(`${s.server.baseUrl}/api/calls?limit=13`)).json()) as { items: { title: string }[]; nextCursor: string | null };
    expect(all.items.length, 'the demo data needs more than one page of calls').toBe(13);
    const page = await s.newPage();
    await page.goto(`${s.server.baseUrl}/?status=all`);
    const nav = page.getByRole('navigation', { name: 'Sider med utlysninger' });
    await nav.waitFor();
    expect(await nav.getByRole('link', { name: 'Side 1' }).getAttribute('aria-current')).toBe('true');
    expect(await nav.getByRole('link', { name: 'Forrige' }).count()).toBe(0);
    const firstTitle = await page.locator('.results h3').first().innerText();
    await page.getByText('Viser utlysning 1–12.').waitFor();
    await expectAccessible(page, 'front page with pagination');

    await nav.getByRole('link', { name: 'Neste' }).click();
    await page.waitForURL(/[?&]side=2&fra=/);
    await page.getByText(/^Viser utlysning 13–\d+\.$/).waitFor();
    expect(await nav.getByRole('link', { name: 'Side 2' }).getAttribute('aria-current')).toBe('true');
    expect(await page.locator('.results h3').first().innerText()).not.toBe(firstTitle);
    // The filters stay; focus moved to the results so reading starts at the new page.
    expect(new URL(page.url()).searchParams.get('status')).toBe('all');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-title');
    const secondUrl = page.url();

    await page.goBack();
    await page.getByText('Viser utlysning 1–12.').waitFor();
    expect(await page.locator('.results h3').first().innerText()).toBe(firstTitle);
    await page.goForward();
    await page.getByText(/^Viser utlysning 13–\d+\.$/).waitFor();
    // «Forrige» and «Side 1» lead back to the first page, which has no page number in its URL.
    expect(await nav.getByRole('link', { name: 'Forrige' }).getAttribute('href')).toBe('/?status=all');

    // The page's URL opens the same page in a new tab (no history there).
    const other = await s.newPage();
    await other.goto(secondUrl);
    await other.getByText(/^Viser utlysning 13–\d+\.$/).waitFor();
    await other.context().close();
    await page.context().close();
  });

  it('speaks English when English is chosen', async () => {
    const page = await s.newPage();
    await page.addInitScript(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
    await page.goto(`${s.server.baseUrl}/?status=all`);
    const nav = page.getByRole('navigation', { name: 'Pages of calls' });
    await nav.waitFor();
    await nav.getByRole('link', { name: 'Next' }).click();
    await page.getByText(/^Showing calls 13–\d+\.$/).waitFor();
    expect(await nav.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe('true');
    await page.context().close();
  });

  it('starts over on the first page when the cursor is not accepted', async () => {
    const page = await s.newPage();
    await page.goto(`${s.server.baseUrl}/?status=all&side=3&fra=not-a-cursor`);
    await page.waitForURL(`${s.server.baseUrl}/?status=all`);
    await page.getByText('Viser utlysning 1–12.').waitFor();
    await page.context().close();
  });

  it('has no page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
