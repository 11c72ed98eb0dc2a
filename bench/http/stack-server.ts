/**
 * Child process: the local stack (dynalite + the Lambda handler behind the local API gateway), seeded,
 * in a fresh temporary data directory. Sends { url } to the parent when it listens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../../infra/local/stack.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bench-stack-'));
const stack = await startLocalStack({ port: 0, dataDir, tableName: 'innovasjonstorget', webDir: join(dataDir, 'no-web'), seed: true }, () => {});
process.send?.({ url: stack.url });

const stop = async () => {
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
