import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GOALS, OUT_DIR, ROOT, SETTINGS } from '../config.js';
import { startChild, type Child } from '../lib/child.js';
import { mean } from '../lib/stats.js';
import { load, type LoadFigures } from './load.js';

/** The route under load: the public list of calls, default page (20 items). */
export const STACK_PATH = '/api/calls';
/**
 * Diagnostic only: an unknown /api path answers 404 through the gateway and the full Middy stack
 * (router, headers, problem+json) without touching DynamoDB: the ceiling of the API layer alone.
 */
export const NO_DB_PATH = '/api/bench-no-such-route';

export interface TargetFigures {
  name: string;
  url: string;
  expectStatus: number;
  rounds: LoadFigures[];
  /** Means over the rounds. */
  rps: number;
  p50: number;
  p99: number;
  /** rps as a share of the bare server's. */
  share: number;
}

export interface HttpResults {
  path: string;
  payloadBytes: number;
  items: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  targets: TargetFigures[];
  goal: { minShare: number; share: number; met: boolean };
}

interface Target {
  name: string;
  url: string;
  expectStatus: number;
  rounds: LoadFigures[];
}

/** The real page the stack serves, so the bare server can answer with the same bytes. */
async function samplePage(url: string): Promise<{ body: string; items: number }> {
  const res = await fetch(url);
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  const json = JSON.parse(body) as { items?: unknown[] };
  return { body, items: json.items?.length ?? 0 };
}

function summarise(targets: Target[]): TargetFigures[] {
  const withMeans = targets.map((t) => ({
    ...t,
    rps: mean(t.rounds.map((r) => r.rps)),
    p50: mean(t.rounds.map((r) => r.p50)),
    p99: mean(t.rounds.map((r) => r.p99)),
  }));
  const bareRps = withMeans[0]!.rps;
  return withMeans.map((t) => ({ ...t, share: t.rps / bareRps }));
}

/**
 * Part 2: the local stack and a bare node:http server, each in its own child process, loaded in turn
 * from this process (bare, stack, stack without DB; bare, stack, …) so drift hits them alike.
 */
export async function benchHttp(log: (s: string) => void): Promise<HttpResults> {
  const children: Child[] = [];
  try {
    log('Starting the local stack (child process, fresh dynalite, seeded)…');
    const stack = await startChild(join(ROOT, 'bench/http/stack-server.ts'));
    children.push(stack);
    const page = await samplePage(stack.url + STACK_PATH);
    const payloadFile = join(OUT_DIR, 'calls-page.json');
    await writeFile(payloadFile, page.body);
    log(`GET ${STACK_PATH}: ${page.items} items, ${Buffer.byteLength(page.body)} bytes. Starting the bare server…`);
    const bare = await startChild(join(ROOT, 'bench/http/bare-server.ts'), [payloadFile]);
    children.push(bare);

    const targets: Target[] = [
      { name: 'bare node:http', url: bare.url, expectStatus: 200, rounds: [] },
      { name: `stack GET ${STACK_PATH}`, url: stack.url + STACK_PATH, expectStatus: 200, rounds: [] },
      { name: 'stack, no DB (404) *', url: stack.url + NO_DB_PATH, expectStatus: 404, rounds: [] },
    ];
    const opts = {
      connections: SETTINGS.connections,
      durationSeconds: SETTINGS.durationSeconds,
      warmupSeconds: SETTINGS.warmupSeconds,
    };
    for (let round = 1; round <= SETTINGS.rounds; round++) {
      for (const t of targets) {
        log(`Round ${round}/${SETTINGS.rounds}: ${t.name}…`);
        t.rounds.push(await load(t.url, t.expectStatus, opts));
      }
    }

    const figures = summarise(targets);
    const share = figures[1]!.share;
    return {
      path: STACK_PATH,
      payloadBytes: Buffer.byteLength(page.body),
      items: page.items,
      ...opts,
      targets: figures,
      goal: { minShare: GOALS.minThroughputShare, share, met: share >= GOALS.minThroughputShare },
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}
