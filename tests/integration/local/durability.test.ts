import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, callBody } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { startDynalite } from '../../../infra/local/dynalite.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** `npm start` as a user runs it: a separate process we can kill. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/municipalities`)).ok) return { child, url };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output}`);
}

const exited = (child: ChildProcess) => new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));

describe('the local runtime keeps data on disk', () => {
  it('loses no acknowledged write when the process is killed with SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'torget-kill-'));
    dirs.push(dataDir);
    const first = await startServer({ DATA_DIR: dataDir });
    const client = apiClient(first.url);
    const token = await client.login(users.fredrikstad);
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => client.call('POST', '/api/calls', { token, body: callBody({ title: `Overlever kill ${i}` }) })),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    const gone = exited(first.child);
    first.child.kill('SIGKILL');
    await gone;

    const second = await startServer({ DATA_DIR: dataDir });
    try {
      const again = apiClient(second.url);
      const token2 = await again.login(users.fredrikstad);
      for (const r of created) {
        const read = await again.call('GET', `/api/calls/${r.body.id}`, { token: token2 });
        expect(read.status).toBe(200);
        expect(read.body.title).toBe(r.body.title);
      }
    } finally {
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0); // Ctrl-C / SIGTERM stops cleanly
    }
  });

  it('uses DYNAMODB_ENDPOINT instead of the embedded engine, creating and seeding the table there', async () => {
    const external = mkdtempSync(join(tmpdir(), 'torget-ext-'));
    const own = mkdtempSync(join(tmpdir(), 'torget-own-'));
    dirs.push(external, own);
    const dynamo = await startDynalite(external);
    const server = await startServer({ DATA_DIR: own, DYNAMODB_ENDPOINT: dynamo.endpoint });
    try {
      const calls = await apiClient(server.url).call('GET', '/api/calls?limit=5');
      expect(calls.body.items).toHaveLength(5);
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
      await dynamo.close();
    }
  });
});
