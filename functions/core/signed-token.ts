import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretFor } from './secrets.js';

/**
 * Opaque tokens we hand out and must recognise again: base64url JSON plus an HMAC-SHA256 over a purpose
 * prefix and the payload. The prefix keeps one kind (a pagination cursor) from passing as another (an
 * unsubscribe link). `open` answers undefined for anything altered or not ours.
 */
export function sealToken(purpose: string, state: unknown): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${sign(purpose, payload)}`;
}

export function openToken(purpose: string, token: string): unknown {
  const parts = token.split('.');
  const [payload, mac] = parts;
  if (parts.length !== 2 || !payload || !mac || !safeEqual(mac, sign(purpose, payload))) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function sign(purpose: string, payload: string): string {
  return createHmac('sha256', secretFor(purpose)).update(`${purpose}:${payload}`).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
