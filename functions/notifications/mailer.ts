import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { ulid } from 'ulid';
import { DEFAULT_MAIL_FROM } from '../subscriptions/settings.js';
import { env } from '../core/config.js';

/**
 * The port the notification job sends through: a finished RFC 5322 message and its envelope recipients.
 * Locally the message lands as a .eml file in an outbox folder; in AWS it goes out through SES as raw MIME.
 */
export interface Mailer {
  deliver(raw: Buffer, to: string[]): Promise<void>;
}

/** Writes `<dir>/<timestamp>-<id>.eml`, one file per message (open it in any mail client). */
export function fileMailer(dir: string): Mailer {
  return {
    async deliver(raw) {
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await writeFile(join(dir, `${stamp}-${ulid()}.eml`), raw, { flag: 'wx' });
    },
  };
}

/**
 * SESv2 SendEmail with Content.Raw: the message is sent as built, Destination is the envelope. FromEmailAddress
 * repeats the message's From so the IAM condition ses:FromAddress (infra/stacks/notifications.ts) can hold.
 */
export function sesMailer(from: string, given?: SESv2Client): Mailer {
  let client = given;
  return {
    async deliver(raw, to) {
      // The SES client is loaded with the first message, not when a function that may send starts.
      const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
      client ??= new SESv2Client({});
      await client.send(new SendEmailCommand({ FromEmailAddress: from, Destination: { ToAddresses: to }, Content: { Raw: { Data: raw } } }));
    },
  };
}

let cached: Mailer | undefined;

/**
 * The mailer chosen by env, read once: MAIL_TRANSPORT=ses|file (file by default); the file outbox is OUTBOX_DIR,
 * else <DATA_DIR or .data>/outbox; SES sends as MAIL_FROM.
 */
export function mailer(): Mailer {
  if (cached) return cached;
  const transport = env.mailTransport();
  if (transport === 'ses') cached = sesMailer(env.mailFrom() ?? DEFAULT_MAIL_FROM);
  else if (transport === 'file') cached = fileMailer(outboxDir());
  else throw new Error(`MAIL_TRANSPORT must be ses or file, not ${transport}`);
  return cached;
}

export const outboxDir = () => resolve(env.outboxDir() ?? join(env.dataDir(), 'outbox'));

/** Tests change env between runs in one process. */
export function resetMailer(): void {
  cached = undefined;
}
