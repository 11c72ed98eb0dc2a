import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import type { ApiClient } from './local-stack.js';
import { resetMailer } from '../../functions/notifications/mailer.js';
import { resetNotificationSettings } from '../../functions/subscriptions/settings.js';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A small but real-looking PDF (magic bytes and trailer). */
export const pdfBytes = (text = 'Konkurransegrunnlag') =>
  Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
export const pngBytes = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

export const declaration = (bytes: Buffer, overrides: Record<string, unknown> = {}) => ({
  fileName: 'konkurransegrunnlag.pdf',
  contentType: 'application/pdf',
  size: bytes.length,
  sha256: sha256(bytes),
  ...overrides,
});

/** Declares a file (POST to `path`) and PUTs the bytes to the URL it answers; returns both replies. */
export async function uploadFile(
  client: ApiClient,
  token: string | undefined,
  path: string,
  bytes: Buffer,
  overrides: Record<string, unknown> = {},
  putBytes = bytes,
) {
  const declared = await client.call('POST', path, { token, body: declaration(bytes, overrides) });
  if (declared.status !== 201) return { declared, put: undefined };
  const { url, headers } = declared.body.upload;
  const put = await fetch(url, { method: 'PUT', headers, body: new Uint8Array(putBytes) });
  return { declared, put: { status: put.status, body: await put.text() } };
}

/** Follows a 302 download by hand: the redirect answer, then the bytes and headers. */
export async function download(client: ApiClient, path: string, token?: string) {
  const res = await client.call('GET', path, { token, redirect: 'manual' });
  if (res.status !== 302) return { res, file: undefined };
  const got = await fetch(res.headers.get('location')!);
  return { res, file: { status: got.status, headers: got.headers, bytes: Buffer.from(await got.arrayBuffer()) } };
}

/** A temporary outbox for one test file: notices land here as .eml files. */
export function useOutbox() {
  const dir = mkdtempSync(join(tmpdir(), 'torget-outbox-'));
  Object.assign(process.env, { OUTBOX_DIR: dir, MAIL_TRANSPORT: 'file', PUBLIC_BASE_URL: 'https://innovasjonstorget.no' });
  resetMailer();
  resetNotificationSettings();
  const seen = new Set<string>();
  return {
    dir,
    /** Messages written since the last call. */
    async take() {
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.eml') && !seen.has(f))
        .sort();
      const out = [];
      for (const f of files) {
        seen.add(f);
        const raw = readFileSync(join(dir, f));
        const mail = await simpleParser(raw);
        out.push({
          raw: raw.toString('utf8'),
          to: (mail.to as AddressObject).value.map((a) => a.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          event: String(mail.headers.get('x-innovasjonstorget-event') ?? ''),
        });
      }
      return out;
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
      for (const k of ['OUTBOX_DIR', 'MAIL_TRANSPORT', 'PUBLIC_BASE_URL']) delete process.env[k];
      resetMailer();
      resetNotificationSettings();
    },
  };
}
