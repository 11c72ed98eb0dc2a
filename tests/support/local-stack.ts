import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';

/**
 * A real local stack for one test file: fresh dynalite in a temp dir, demo data seeded, the real
 * router and middleware behind a real HTTP port.
 */
export async function startTestStack(opts: { seed?: boolean } = {}): Promise<LocalStack & { dataDir: string; client: ApiClient }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'torget-test-'));
  const stack = await startLocalStack({ port: 0, dataDir, tableName: 'innovasjonstorget', webDir: join(dataDir, 'no-web'), seed: opts.seed ?? true }, () => {});
  return {
    ...stack,
    dataDir,
    client: apiClient(stack.url),
    close: async () => {
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiReply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type ApiClient = ReturnType<typeof apiClient>;

export function apiClient(base: string) {
  async function call<T = any>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; redirect?: RequestRedirect } = {},
  ): Promise<ApiReply<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(base + path, { method, headers, body, redirect: opts.redirect });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
  }
  async function login(userId: string): Promise<string> {
    const res = await call<{ token: string }>('POST', '/api/dev/login', { body: { userId } });
    if (res.status !== 200) throw new Error(`login ${userId}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  }
  return { call, login };
}

/** A valid call body; override what a test is about. */
export function callBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Smarte søppelkasser i sentrum',
    summary: 'Sensorer som melder når søppelkassene er fulle.',
    description: 'Kommunen vil teste sensorer i søppelkasser i sentrum for å tømme dem ved behov og redusere kjøring.',
    domains: ['water-waste'],
    cpvCodes: ['90500000'],
    budgetNok: { min: 100000, max: 500000 },
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    procedure: 'startup-challenge',
    awardCriteria: defaultCriteria,
    ...overrides,
    // A market dialogue has no criteria: asking for one without naming criteria leaves them out.
    ...(overrides.procedure === 'market-dialogue' && !('awardCriteria' in overrides) ? { awardCriteria: undefined } : {}),
  };
}

/** Published weighted criteria meeting the climate rule (≥ 30 % climate and environment). */
export const defaultCriteria = [
  { id: 'pris', name: 'Pris', kind: 'price', weight: 40 },
  { id: 'kvalitet', name: 'Kvalitet og gjennomføring', kind: 'quality', weight: 30 },
  { id: 'klima', name: 'Klima og miljø', kind: 'climate', weight: 30 },
];

export const proposalBody = (overrides: Record<string, unknown> = {}) => ({
  summary: 'Vi leverer sensorer og en app for tømmeruter.',
  description: 'Pilot med 40 sensorer i tre måneder, deretter evaluering sammen med kommunen.',
  priceNok: 350000,
  ...overrides,
});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Moves the server's clock forward (POST /api/dev/clock) instead of waiting for a real deadline to pass.
 * The local stack runs in this process, so `Date.now()` here stays the real time while the server's "now" moves.
 */
export async function passTime(client: ApiClient, ms: number): Promise<string> {
  const res = await client.call<{ now: string }>('POST', '/api/dev/clock', { body: { advance: `PT${(ms / 1000).toFixed(3)}S` } });
  if (res.status !== 200) throw new Error(`clock: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.now;
}

/** The server's notion of now, in milliseconds (it runs ahead of Date.now() once a test has moved it). */
export async function serverNow(client: ApiClient): Promise<number> {
  return Date.parse((await client.call<{ now: string }>('GET', '/api/dev/clock')).body.now);
}
