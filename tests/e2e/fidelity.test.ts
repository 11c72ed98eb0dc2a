/**
 * Right codes, right time, right label on a demo:
 * - the call form reads and writes deadlines in Norwegian time while the browser runs in New York;
 * - the CPV picker finds official codes by word and by code prefix, in bokmål and in English, shows where
 *   each sits in the hierarchy, and hands the chosen code to the form;
 * - a demo installation says so on the front page.
 * Every page visited is checked with axe.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable, browserSession, expectAccessible, repoRoot, signIn } from './support';

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

describe('the built web app', () => {
  it('ships no copy of the CPV list: labels come from the API', () => {
    // Labels that only the list has (no message or page mentions them).
    const built = files(join(repoRoot, 'web/build')).filter((f) => /\.(js|html|json)$/.test(f));
    expect(built.length).toBeGreaterThan(0);
    for (const f of built) {
      const text = readFileSync(f, 'utf8');
      expect(text.includes('Soyabønner') || text.includes('Sunflower seeds'), f).toBe(false);
    }
  });
});

const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune' };

describe.skipIf(!browserAvailable)('fidelity in the browser', () => {
  const session = browserSession();

  async function muniPage(timezoneId?: string) {
    const ctx = await session.browser.newContext({ locale: 'nb-NO', ...(timezoneId ? { timezoneId } : {}) });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => session.errors.push(e.message));
    await signIn(page, session.server.baseUrl, MUNI.name, MUNI.org);
    return page;
  }

  it('says on the front page that this is a demo installation', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.baseUrl}/`);
    await page.getByRole('note').filter({ hasText: 'Demoinstallasjon.' }).waitFor();
    await expectAccessible(page, 'front page with demo banner');
  });

  it('reads and writes the deadline in Norwegian time while the browser is in New York', async () => {
    const page = await muniPage('America/New_York');
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    await page.goto(`${session.server.baseUrl}/utlysninger/ny`);
    await page.getByRole('heading', { level: 1, name: 'Ny utlysning' }).waitFor();
    await page.getByLabel('Tittel', { exact: true }).fill('Tidssonetest for fristen');
    await page.getByLabel('Kort sammendrag').fill('Fristen skal bety klokka tolv i Norge.');
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Nettleseren står i New York, men skjemaet sier norsk tid.');
    await page.getByRole('checkbox', { name: 'Mobilitet' }).check();
    await page.getByLabel(/CPV-koder/).fill('48813200');
    await page.getByLabel('Framgangsmåte').selectOption('innovation-partnership');
    // Winter and summer time: 12:00 in Oslo is 11:00 and 10:00 UTC, whatever New York's own offset. Next year's
    // 1 March and 1 July: always in the future and within the two years a deadline may lie ahead.
    const year = new Date().getFullYear() + 1;
    await page.getByLabel('Frist').fill(`${year}-03-01T12:00`);
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.waitForURL(/\/utlysninger\/[0-9A-Z]{26}/);
    const id = new URL(page.url()).pathname.split('/')[2]!;
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('itorget.session') ?? '{}').token as string);
    expect(token).toBeTruthy();
    const deadlineOf = async () =>
      (await (await fetch(`${session.server.baseUrl}/api/calls/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()).deadline;
    expect(await deadlineOf()).toBe(`${year}-03-01T11:00:00.000Z`);

    await page.goto(`${session.server.baseUrl}/utlysninger/${id}/rediger`);
    const deadline = page.getByLabel('Frist');
    await deadline.waitFor();
    expect(await deadline.inputValue()).toBe(`${year}-03-01T12:00`);
    await deadline.fill(`${year}-07-01T12:00`);
    await page.getByRole('button', { name: /Lagre/ }).first().click();
    await page.waitForURL(new RegExp(`/utlysninger/${id}(\\?.*)?$`));
    await page.goto(`${session.server.baseUrl}/utlysninger/${id}/rediger`);
    await page.getByLabel('Frist').waitFor();
    expect(await page.getByLabel('Frist').inputValue()).toBe(`${year}-07-01T12:00`);
    expect(await deadlineOf()).toBe(`${year}-07-01T10:00:00.000Z`);
  });

  it('finds CPV codes by word and by code prefix in bokmål and in English, with the hierarchy, and adds the chosen one', async () => {
    const page = await muniPage();
    await page.goto(`${session.server.baseUrl}/utlysninger/ny`);
    const search = page.getByLabel('Finn CPV-kode');
    await search.fill('sanntid passasjer');
    const hit = page.getByRole('button', { name: /48813200 System for passasjerinformasjon i sanntid/ });
    await hit.waitFor();
    expect(await hit.textContent()).toContain('48000000 Programvare og informasjonssystemer');
    await expectAccessible(page, 'new call form with CPV search results');
    await hit.click();
    expect(await page.getByLabel(/CPV-koder/).inputValue()).toBe('48813200');
    await page.locator('#cpv-preview').getByText('System for passasjerinformasjon i sanntid').waitFor();
    expect(await hit.isDisabled()).toBe(true);

    await search.fill('7221');
    await page.getByRole('button', { name: /^72212000 Programmering i forbindelse med applikasjonsprogrammer/ }).click();
    expect(await page.getByLabel(/CPV-koder/).inputValue()).toBe('48813200, 72212000');

    await page.getByRole('button', { name: 'English' }).click();
    const searchEn = page.getByLabel('Find a CPV code');
    await searchEn.fill('parking meters');
    await page.getByRole('button', { name: /38730000 Parking meters/ }).waitFor();
    await page.locator('#cpv-preview').getByText('Real-time passenger information system').waitFor();
    await expectAccessible(page, 'new call form in English with CPV search results');
    await searchEn.fill('zzzqqq');
    await page.getByText('No code in the CPV list matches.').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('stores the language a signed-in user switches to, so their e-mails follow it', async () => {
    const page = await muniPage();
    const me = () =>
      page.evaluate(async () => {
        const token = JSON.parse(localStorage.getItem('itorget.session') ?? '{}').token as string;
        return (await (await fetch('/api/me', { headers: { authorization: `Bearer ${token}` } })).json()).user.language as string | undefined;
      });
    // Signing in stores the language in use.
    await expect.poll(me).toBe('nb');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Norsk (bokmål)' }).waitFor();
    await expect.poll(me).toBe('en');
    await page.getByRole('button', { name: 'Norsk (bokmål)' }).click();
    await expect.poll(me).toBe('nb');
    expect(session.errors).toEqual([]);
  });
});
