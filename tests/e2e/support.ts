/**
 * E2E support: a fresh local server (own port, own data dir) per test file, and Chromium through
 * playwright-core with the system binary. Only the built site (web/build) is exercised, as deployed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, expect } from 'vitest';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);

if (!browserAvailable) {
  const message = `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH or: apt-get install -y chromium).`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${message}`);
  console.warn(`\n⚠⚠⚠  E2E TESTS SKIPPED: ${message}  ⚠⚠⚠\n`);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

export interface LocalServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

export async function startServer(): Promise<LocalServer> {
  if (!existsSync(join(repoRoot, 'web/build/200.html'))) {
    throw new Error('web/build is missing: run `npm run build:web` first (npm test does it for you).');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'itorget-e2e-'));
  let log = '';
  // Own process group (detached), so stopping it also stops the node process tsx starts.
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'infra/local/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));

  const baseUrl = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  while (Date.now() - started < 90_000) {
    if (child.exitCode !== null) throw new Error(`Local server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/municipalities`);
      if (res.status === 200) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`Local server did not answer GET /api/municipalities within 90 s:\n${log}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * axe-core against WCAG 2.1 A/AA rules; serious and critical violations fail the test and are printed
 * with the offending elements.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    console.error(
      `axe violations on ${label} (${page.url()}):\n` +
        bad
          .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${n.target.join(' ')}  ${n.failureSummary ?? ''}`).join('\n')}`)
          .join('\n'),
    );
  }
  expect(
    bad.map((v) => `${v.id} (${v.nodes.length})`),
    `axe on ${label}`,
  ).toEqual([]);
}

/** Signs in through the sign-in page by the demo user's visible name. */
export async function signIn(page: Page, baseUrl: string, name: string, org: string): Promise<void> {
  await page.goto(`${baseUrl}/logg-inn`);
  await page.getByRole('button', { name: `Logg inn som ${name}, ${org}` }).click();
  await page.waitForURL(`${baseUrl}/`);
  await expect.poll(() => page.getByText(`${name}, ${org}`).count()).toBeGreaterThan(0);
}

/**
 * A server and a browser for one describe block (hooks registered where it is called), pages in
 * Norwegian with downloads allowed, and every uncaught page error collected for a final assertion.
 */
export function browserSession() {
  const session = {
    server: undefined as unknown as LocalServer,
    browser: undefined as unknown as Browser,
    errors: [] as string[],
    async newPage(): Promise<Page> {
      const ctx = await session.browser.newContext({ locale: 'nb-NO', acceptDownloads: true });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => session.errors.push(e.message));
      return page;
    },
  };
  beforeAll(async () => {
    session.server = await startServer();
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/** JSON calls to the session's server, as a test sets data up behind the browser's back, and dev sign-in tokens. */
export function serverApi(session: { server: LocalServer }) {
  async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
    const res = await fetch(session.server.baseUrl + path, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  }
  const login = async (userId: string) => (await api('/api/dev/login', { method: 'POST', body: { userId } })).body.token as string;
  return { api, login };
}

/**
 * Oslo's wall clock at an instant as a datetime-local value (to the minute, or to the second), computed here
 * rather than with the app's own oslo-time.ts so that the tests check the form's reading of deadlines.
 */
export function osloInputValue(ms: number, precision: 'minute' | 'second' = 'minute'): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Oslo',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  const minute = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  return precision === 'second' ? `${minute}:${p.second}` : minute;
}
