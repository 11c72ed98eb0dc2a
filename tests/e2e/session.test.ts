/**
 * One session for the browser: signing in holds in every tab (a Ctrl-click opens signed in), survives a
 * reload, ends when the token has expired, and signing out in one tab signs out all of them at once.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable, browserSession, expectAccessible, signIn } from './support';

const MUNI = { name: 'Ola Hansen', org: 'Fredrikstad kommune' };

describe.skipIf(!browserAvailable)('one session across tabs', () => {
  const s = browserSession();

  it('a new tab opens signed in, a reload keeps the session, signing out in one tab ends it in all', async () => {
    const first = await s.newPage();
    await signIn(first, s.server.baseUrl, MUNI.name, MUNI.org);

    // A second tab of the same browser (what Ctrl-click opens) is signed in without asking.
    const second = await first.context().newPage();
    second.on('pageerror', (e) => s.errors.push(e.message));
    await second.goto(`${s.server.baseUrl}/mine-utlysninger`);
    await second.getByRole('heading', { level: 1, name: 'Mine utlysninger' }).waitFor();
    await second.getByRole('table').or(second.getByText('Du har ingen utlysninger')).first().waitFor();
    expect(await second.getByText('Du må logge inn').count()).toBe(0);
    await expectAccessible(second, 'my calls in a second tab');

    // A reload keeps it.
    await second.reload();
    await second.getByText(`${MUNI.name}, ${MUNI.org}`).waitFor();

    // Signing out in the second tab signs the first one out too, without a reload.
    await second.getByRole('button', { name: 'Logg ut' }).click();
    await first.getByRole('banner').getByRole('link', { name: 'Logg inn' }).waitFor();
    expect(await first.getByText(`${MUNI.name}, ${MUNI.org}`).count()).toBe(0);
    expect(await first.evaluate(() => localStorage.getItem('itorget.session'))).toBeNull();
    await first.context().close();
  });

  it('signing in in one tab reaches a tab that is already open', async () => {
    const first = await s.newPage();
    await first.goto(`${s.server.baseUrl}/mine-utlysninger`);
    await first.getByText('Du må logge inn').first().waitFor();
    const second = await first.context().newPage();
    await signIn(second, s.server.baseUrl, MUNI.name, MUNI.org);
    await first.getByText(`${MUNI.name}, ${MUNI.org}`).waitFor();
    expect(await first.getByText('Du må logge inn').count()).toBe(0);
    await first.context().close();
  });

  it('an expired token is not used: the page opens signed out', async () => {
    const page = await s.newPage();
    await signIn(page, s.server.baseUrl, MUNI.name, MUNI.org);
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('itorget.session')!);
      localStorage.setItem('itorget.session', JSON.stringify({ ...stored, expiresAt: Date.now() - 1000 }));
    });
    await page.goto(`${s.server.baseUrl}/mine-utlysninger`);
    await page.getByText('Du må logge inn').first().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('itorget.session'))).toBeNull();
    await page.context().close();
  });

  it('had no uncaught page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
