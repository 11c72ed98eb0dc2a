import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./dynalite-process.ts', import.meta.url));

/**
 * The embedded DynamoDB: dynalite in its own process, on a loopback port, persisted in LevelDB under
 * dataDir/dynamodb. Its own process because it is CPU-bound: sharing the API's event loop would make
 * every request wait for every other request's database work (as a real DynamoDB never would).
 * LevelDB appends every acknowledged write to its log with write(2) before answering, so killing
 * either process (kill -9) loses nothing the API acknowledged.
 */
export async function startDynalite(dataDir: string): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const path = join(dataDir, 'dynamodb');
  mkdirSync(path, { recursive: true });
  const child = fork(CHILD, [path], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((ok, fail) => {
    child.once('message', (m: { port?: number }) => (m.port ? ok(m.port) : fail(new Error('dynalite did not report a port'))));
    child.once('exit', (code) => fail(new Error(`dynalite exited early (code ${code}); is another server using ${path}?`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.disconnect();
      }),
  };
}
