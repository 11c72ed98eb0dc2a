import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

interface LocalSecrets {
  cursorSecret: string;
  /** Signs links in e-mails (unsubscribe, address confirmation); distinct from the cursor key. */
  linkSecret: string;
  devTokenSecret: string;
}

/**
 * Keys the local runtime signs with, made once per data directory and kept there, so cursors and
 * sign-ins survive a restart and two data directories never share keys.
 */
export function localSecrets(dataDir: string): LocalSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  const key = () => randomBytes(32).toString('base64url');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (stored.linkSecret) return stored as LocalSecrets;
    // Data directories from before the link key get one now.
    const upgraded = { ...stored, linkSecret: key() } as LocalSecrets;
    writeFileSync(file, JSON.stringify(upgraded), { mode: 0o600 });
    return upgraded;
  }
  const secrets = { cursorSecret: key(), linkSecret: key(), devTokenSecret: key() };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
