import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

interface LocalSecrets {
  cursorSecret: string;
  devTokenSecret: string;
}

/**
 * Keys the local runtime signs with, made once per data directory and kept there, so cursors and
 * sign-ins survive a restart and two data directories never share keys.
 */
export function localSecrets(dataDir: string): LocalSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets = { cursorSecret: randomBytes(32).toString('base64url'), devTokenSecret: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
