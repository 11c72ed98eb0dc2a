import { config, env } from './config.js';

/**
 * Signing keys, one per purpose: cursors (and the visitor cookie) are signed with one, links in e-mails
 * (unsubscribe, address confirmation) with another, so a leak of one cannot forge the other.
 *
 * Locally they come from env (CURSOR_SECRET, LINK_SECRET). In AWS the functions get only the secrets' ARNs
 * (CURSOR_SECRET_ARN, LINK_SECRET_ARN) and read the values from Secrets Manager once per container, before
 * the first request (`loadSecrets`), so the values never sit in function configuration. Rotation: put a new
 * version of the secret (docs/status.md); containers pick it up as they are recycled, and cursors or links
 * signed with the old key then fail cleanly (400), which is the accepted cost.
 */
export interface Secrets {
  cursor: string;
  link: string;
}

let loaded: Secrets | undefined;
let loading: Promise<Secrets> | undefined;

export async function loadSecrets(): Promise<Secrets> {
  if (loaded) return loaded;
  loading ??= (async () => {
    const arns = env.secretArns();
    if (arns.cursor && arns.link) {
      const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
      const client = new SecretsManagerClient({ region: config().region });
      const read = async (arn: string) => {
        const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
        if (!out.SecretString) throw new Error(`secret ${arn} has no string value`);
        return out.SecretString;
      };
      const [cursor, link] = await Promise.all([read(arns.cursor), read(arns.link)]);
      loaded = { cursor, link };
      return loaded;
    }
    // From env: not cached, so tests and the local server may change it between runs.
    return fromEnv();
  })().finally(() => (loading = undefined));
  return loading;
}

function fromEnv(): Secrets {
  const cursor = env.cursorSecret();
  if (!cursor) throw new Error('CURSOR_SECRET is not set');
  // Locally a missing LINK_SECRET falls back to a key derived from the cursor one, still distinct from it.
  return { cursor, link: env.linkSecret() ?? `link:${cursor}` };
}

/** The key for a token purpose. Synchronous: locally read from env; in AWS loaded before the first request. */
export function secretFor(purpose: string): string {
  const s = loaded ?? (env.secretArns().cursor ? undefined : fromEnv());
  if (!s) throw new Error('secrets not loaded: call loadSecrets() first');
  return /^(unsubscribe|email-confirm)/.test(purpose) ? s.link : s.cursor;
}

/** Tests change env between runs in one process. */
export function resetSecrets(): void {
  loaded = undefined;
}
