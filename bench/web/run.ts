/**
 * `npm run bench:web`: Lighthouse 12.2.3 (mobile preset, simulated throttling: the default config) on the
 * front page, a call page and the sign-in page of a local demo installation, served as CloudFront would
 * (static files compressed, brotli or gzip). Prints each figure beside its goal, plus the JavaScript a
 * page loads before it is interactive (compressed bytes on the wire), and checks that the programme
 * dashboard's charts (chart.js) load only on that route. Writes bench/.out/web.json.
 * A measurement, not a test: it never fails on a missed goal (exit code 0), only on a broken run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Call } from '../../shared/schemas/calls.js';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { renderCallPage } from '../../functions/site/render-call-page.js';
import { PUBLIC_ROUTES } from '../../shared/site-pages.js';
import * as chromeLauncher from 'chrome-launcher';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GOALS = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 } as const;
const JS_BUDGET_KB = 60;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

async function startDemo() {
  if (!existsSync(join(root, 'web/build/200.html'))) throw new Error('web/build is missing: run `npm run build:web` first.');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'itorget-bench-web-'));
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'infra/local/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_BASE_URL: `http://localhost:${port}` },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const base = `http://localhost:${port}`;
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  while (Date.now() - started < 90_000) {
    if (child.exitCode !== null) throw new Error(`demo server exited:\n${log}`);
    try {
      if ((await fetch(`${base}/api/municipalities`)).ok) return { base, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`demo server did not start:\n${log}`);
}

/** The chunk(s) holding chart.js, found by content in the build (a bar-chart option name survives minifying). */
function chartChunks(): string[] {
  const dir = join(root, 'web/build/_app/immutable');
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js') && readFileSync(p, 'utf8').includes('categoryPercentage')) out.push(e.name);
    }
  };
  walk(dir);
  return out;
}

/**
 * Routes a signed-out visitor can open. Each must be in the build's route table (checked below), so a
 * renamed route cannot silently drop out of the budget.
 */
/**
 * The JavaScript each public route loads on a first visit, from the build itself: the entry scripts, the
 * root layout and the root error page (SvelteKit fetches both at start), the route's page node and
 * everything they import statically, each file gzipped alone (as served). Parts a page imports on use
 * (panels for one role, Lazy.svelte) are not counted: a signed-out visitor never loads them.
 */
function routeBudgets(): { route: string; kb: number; files: number }[] {
  const dir = join(root, 'web/build/_app/immutable');
  const files = (sub: string) =>
    readdirSync(join(dir, sub))
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(dir, sub, f));
  const entries = files('entry');
  const node = (n: number) => files('nodes').find((f) => f.split('/').pop()!.startsWith(`${n}.`))!;
  const imports = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+\.js)["']/g)]
      .map((m) => resolve(join(file, '..'), m[1]!))
      .filter((f) => existsSync(f));
  // The route table is in the app entry or, when the client chunking moves the entry's code into the base
  // chunk (web/vite.config.ts), in a file it imports.
  const appEntry = entries.find((f) => f.includes('/app.'))!;
  const app = [appEntry, ...imports(appEntry)].map((f) => readFileSync(f, 'utf8')).join('\n');
  const table = new Map([...app.matchAll(/"(\/[^"]*)":\[([\d,[\]]*)\]/g)].map((m) => [m[1]!, m[2]!.match(/\d+/g)!.map(Number)]));
  return PUBLIC_ROUTES.map((route) => {
    const nodes = table.get(route);
    if (!nodes) throw new Error(`${route} is not in the build's route table: update PUBLIC_ROUTES in shared/site-pages.js`);
    const seen = new Set<string>();
    const todo = [...entries, node(0), node(1), ...nodes.map(node)];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      todo.push(...imports(f));
    }
    const bytes = [...seen].reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).byteLength, 0);
    return { route, kb: bytes / 1024, files: seen.size };
  });
}

interface PageResult {
  name: string;
  url: string;
  scores: Record<keyof typeof GOALS, number>;
  jsKb: number;
  jsWireKb: number;
  jsFiles: number;
  requests: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  chartLoaded: boolean;
  failedAudits: string[];
  /** The elements that moved (Lighthouse's layout-shifts audit), biggest first. */
  shifts: string[];
  scripts: { url: string; kb: number }[];
  /** What Lighthouse blames for LCP: the element, the phases of its time, and render-blocking files. */
  lcpElement: string;
  lcpPhases: string;
  renderBlocking: string[];
}

function printRoutes(routes: ReturnType<typeof routeBudgets>) {
  console.log(`\nInitial JavaScript of every public route, from the build (static imports, each file gzipped alone)`);
  for (const r of routes)
    console.log(`  ${ok(r.kb <= JS_BUDGET_KB)} ${r.route.padEnd(24)} ${r.kb.toFixed(1).padStart(5)} KB   goal ≤ ${JS_BUDGET_KB} KB (${r.files} files)`);
}
const ok = (pass: boolean) => (pass ? 'ok  ' : 'MISS');

// `-- --routes`: the per-route figures from the build alone (seconds, no Lighthouse), for trying a change.
if (process.argv.includes('--routes')) {
  printRoutes(routeBudgets());
  process.exit(0);
}

/** Lighthouse 12's LCP element audit: a list of two tables, the element and the phases of its time. */
type Tables = { items?: { items?: { node?: { snippet?: string }; phase?: string; timing?: number }[] }[] } | undefined;
const lcpElement = (d: unknown) => (d as Tables)?.items?.[0]?.items?.[0]?.node?.snippet?.slice(0, 110) ?? '?';
const lcpPhases = (d: unknown) => ((d as Tables)?.items?.[1]?.items ?? []).map((i) => `${i.phase} ${Math.round(i.timing ?? 0)} ms`).join(' · ');

const demo = await startDemo();
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
const results: PageResult[] = [];
let callPage: string | undefined;
try {
  const calls = (await (await fetch(`${demo.base}/api/calls?status=open&limit=1`)).json()) as { items: { id: string }[] };
  // A published call has its page as HTML (functions/site writes it on publish); the seed bypasses the
  // handlers, so write it here as publishing would, or the run measures the bare SPA shell.
  const callId = calls.items[0]!.id;
  const call = (await (await fetch(`${demo.base}/api/calls/${callId}`)).json()) as Call;
  callPage = join(root, 'web/build/utlysninger', `${callId}.html`);
  mkdirSync(join(callPage, '..'), { recursive: true });
  writeFileSync(callPage, renderCallPage(call, readFileSync(join(root, 'web/build/200.html'), 'utf8'), demo.base));
  const pages = [
    { name: 'front page', url: `${demo.base}/` },
    { name: 'call page', url: `${demo.base}/utlysninger/${calls.items[0]!.id}` },
    { name: 'sign-in page', url: `${demo.base}/logg-inn` },
  ];
  const charts = chartChunks();
  // A first load in a fresh Chromium paints late whatever the page (the front page, measured first, painted at
  // 2.3 s with DOMContentLoaded at 0.8 s; the next pages at 0.1–0.3 s): warm the browser on a page not measured.
  await lighthouse(`${demo.base}/om`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  for (const page of pages) {
    console.log(`  · Lighthouse ${page.name}: ${page.url}`);
    const run = await lighthouse(page.url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(GOALS),
    });
    if (!run) throw new Error(`no result for ${page.url}`);
    const lhr = run.lhr;
    // BENCH_WEB_LHR=folder: keep each full Lighthouse report for a closer look.
    if (process.env.BENCH_WEB_LHR) {
      mkdirSync(process.env.BENCH_WEB_LHR, { recursive: true });
      writeFileSync(join(process.env.BENCH_WEB_LHR, `${page.name.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr));
    }
    const requests =
      (lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
    const scripts = requests.filter((r) => r.resourceType === 'Script');
    const scores = Object.fromEntries(Object.keys(GOALS).map((k) => [k, Math.round((lhr.categories[k]?.score ?? 0) * 100)])) as PageResult['scores'];
    const failedAudits = Object.values(lhr.categories)
      .flatMap((c) => c.auditRefs.filter((a) => a.weight > 0).map((a) => lhr.audits[a.id]!))
      .filter((a) => a.score !== null && a.score < 0.9)
      .map((a) => `${a.id} (${a.displayValue ?? Math.round((a.score ?? 0) * 100)})`);
    // JavaScript bytes as sent gzipped (the budget's unit), measured on the files themselves: Lighthouse's
    // transferSize also counts each response's headers, which at 40–70 small chunks adds up.
    let gzipBytes = 0;
    for (const r of scripts) {
      // fetch() decodes compressed bodies, so ask for the file as it is and gzip it as the server does.
      const raw = Buffer.from(await (await fetch(r.url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
      gzipBytes += gzipSync(raw, { level: 9 }).byteLength;
    }
    results.push({
      name: page.name,
      url: page.url,
      scores,
      jsKb: gzipBytes / 1024,
      jsWireKb: scripts.reduce((s, r) => s + (r.transferSize ?? 0), 0) / 1024,
      jsFiles: scripts.length,
      requests: requests.length,
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
      chartLoaded: scripts.some((r) => charts.some((c) => r.url.endsWith(c))),
      failedAudits: [...new Set(failedAudits)],
      shifts: ((lhr.audits['layout-shifts']?.details as { items?: { score?: number; node?: { snippet?: string } }[] } | undefined)?.items ?? []).map(
        (i) => `${(i.score ?? 0).toFixed(3)} ${i.node?.snippet?.slice(0, 90) ?? '?'}`,
      ),
      lcpElement: lcpElement(lhr.audits['largest-contentful-paint-element']?.details),
      lcpPhases: lcpPhases(lhr.audits['largest-contentful-paint-element']?.details),
      renderBlocking: ((lhr.audits['render-blocking-resources']?.details as { items?: { url: string; wastedMs?: number }[] } | undefined)?.items ?? []).map(
        (i) => `${i.url.replace(demo.base, '')} (${Math.round(i.wastedMs ?? 0)} ms)`,
      ),
      scripts: scripts.map((r) => ({ url: r.url.replace(demo.base, ''), kb: Math.round((r.transferSize ?? 0) / 102.4) / 10 })),
    });
  }
} finally {
  await chrome.kill();
  demo.stop();
  if (callPage) rmSync(callPage, { force: true });
}

console.log(
  `\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile preset, simulated throttling; static files compressed (brotli)\n`,
);
for (const r of results) {
  console.log(`${r.name}  (${r.requests} requests, ${r.jsFiles} scripts)`);
  for (const [k, goal] of Object.entries(GOALS)) {
    const v = r.scores[k as keyof typeof GOALS];
    const pass = k === 'accessibility' ? v >= 100 : v >= goal;
    console.log(`  ${ok(pass)} ${k.padEnd(16)} ${String(v).padStart(5)}   goal ${k === 'accessibility' ? '= 100' : `≥ ${goal}`}`);
  }
  console.log(
    `  ${ok(r.jsKb <= JS_BUDGET_KB)} ${'initial JS'.padEnd(16)} ${r.jsKb.toFixed(1).padStart(5)} KB   goal ≤ ${JS_BUDGET_KB} KB gzipped (${r.jsFiles} files; ${r.jsWireKb.toFixed(1)} KB on the wire with headers, brotli)`,
  );
  console.log(`  ${ok(!r.chartLoaded)} ${'chart.js loaded'.padEnd(16)} ${String(r.chartLoaded).padStart(5)}   goal false (dashboard only)`);
  console.log(`       LCP ${Math.round(r.lcpMs)} ms · TBT ${Math.round(r.tbtMs)} ms · CLS ${r.cls.toFixed(3)}`);
  if (r.failedAudits.length) console.log(`       below 0.9: ${r.failedAudits.join(', ')}`);
  console.log(`       LCP element: ${r.lcpElement}`);
  if (r.lcpPhases) console.log(`       LCP phases: ${r.lcpPhases}`);
  if (r.renderBlocking.length) console.log(`       render-blocking: ${r.renderBlocking.join(', ')}`);
  for (const shift of r.shifts.slice(0, 3)) console.log(`       shifted: ${shift}`);
}
const routes = routeBudgets();
printRoutes(routes);
mkdirSync(join(root, 'bench/.out'), { recursive: true });
writeFileSync(join(root, 'bench/.out/web.json'), JSON.stringify({ pages: results, routes }, null, 2));
console.log('\nWritten to bench/.out/web.json');
