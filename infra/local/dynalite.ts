import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The embedded DynamoDB: dynalite on a loopback port, persisted in LevelDB under dataDir/dynamodb.
 * LevelDB appends every acknowledged write to its log with write(2) before answering, so a killed
 * process (kill -9) loses nothing the API acknowledged.
 */
export async function startDynalite(dataDir: string): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const path = join(dataDir, 'dynamodb');
  mkdirSync(path, { recursive: true });
  const dynalite = require('dynalite') as (opts: object) => import('node:http').Server;
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}
