/**
 * Smaller UI guarantees: the English toggle (text, <html lang>, persistence) and the 412 conflict
 * message when someone else saved the call first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectAccessible, launchBrowser, signIn, startServer, type LocalServer } from './support';

describe.skipIf(!browserAvailable)('web UI', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is bokmål by default even for an English browser, and the toggle switches text and lang', async () => {
    await page.goto(server.baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: 'Innovasjonsutlysninger i Østfold' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    // The frame is prerendered: the toggle works once the app has started (the calls are its sign).
    await page.getByRole('article').first().waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innovation calls in Østfold' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.title()).toMatch(/^Open calls/);
    await page.getByRole('link', { name: 'Skip to main content' }).waitFor({ state: 'attached' });
    await page.getByLabel('Municipality').waitFor();
    await expectAccessible(page, 'front page (English)');

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Innovation calls in Østfold' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('button', { name: 'Norsk (bokmål)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innovasjonsutlysninger i Østfold' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
  });

  it('the skip link is the first thing keyboard users reach and moves focus to main', async () => {
    await page.goto(server.baseUrl + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Hopp til hovedinnholdet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows a clear conflict message on 412 and recovers by loading the latest version', async () => {
    await signIn(page, server.baseUrl, 'Ola Hansen', 'Fredrikstad kommune');
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('itorget.session') ?? '{}').token as string);
    const api = (path: string, init: RequestInit = {}) =>
      fetch(server.baseUrl + path, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
      });

    const created = await api('/api/calls', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Konfliktprøve',
        summary: 'En utlysning to personer redigerer samtidig.',
        description: 'Brukes for å vise hva som skjer ved samtidige endringer.',
        domains: ['energy'],
        cpvCodes: [],
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        procedure: 'market-dialogue',
      }),
    });
    expect(created.status).toBe(201);
    const call = (await created.json()) as { id: string; version: number };

    await page.goto(`${server.baseUrl}/utlysninger/${call.id}/rediger`);
    await page.getByRole('heading', { level: 1, name: 'Rediger utlysning' }).waitFor();
    await expectAccessible(page, 'edit call form');

    // Someone else saves first.
    const other = await api(`/api/calls/${call.id}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${call.version}"` },
      body: JSON.stringify({ title: 'Konfliktprøve (endret av kollega)' }),
    });
    expect(other.status).toBe(200);

    await page.getByLabel('Tittel', { exact: true }).fill('Konfliktprøve (min versjon)');
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await page.getByText('Utlysningen er endret av noen andre').waitFor();
    await expectAccessible(page, 'edit call form with conflict');

    await page.getByRole('button', { name: 'Last inn nyeste versjon' }).click();
    await expect.poll(() => page.getByLabel('Tittel', { exact: true }).inputValue()).toBe('Konfliktprøve (endret av kollega)');
    await page.getByLabel('Tittel', { exact: true }).fill('Konfliktprøve (min versjon)');
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await page.getByText('Endringene er lagret').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Konfliktprøve (min versjon)' }).waitFor();
  });

  it('had no uncaught page errors', () => {
    expect(errors).toEqual([]);
  });
});
