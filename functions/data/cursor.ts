import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../core/config.js';
import { badRequest } from '../core/errors.js';

/**
 * Opaque pagination cursors: base64url JSON plus an HMAC, so a client can neither read our keys as
 * a contract nor forge a start key into another partition. Anything altered is a 400.
 */
export function encodeCursor(state: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export function decodeCursor<T>(cursor: string, scope: string): T {
  const parts = cursor.split('.');
  const [payload, mac] = parts;
  if (parts.length !== 2 || !payload || !mac || !safeEqual(mac, sign(payload))) throw tampered();
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw tampered();
  }
  // A cursor from one listing replayed against another is refused too.
  if (!state || typeof state !== 'object' || (state as { s?: unknown }).s !== scope) throw tampered();
  return state as T;
}

const tampered = () => badRequest('The cursor is not one this API issued for this listing. Start again without it.', [
  { path: 'cursor', message: 'Invalid or tampered cursor' },
]);

function sign(payload: string): string {
  return createHmac('sha256', config().cursorSecret).update(payload).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
