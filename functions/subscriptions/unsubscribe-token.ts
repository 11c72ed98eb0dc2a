import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../core/config.js';
import { badRequest } from '../core/errors.js';

/**
 * Signed unsubscribe tokens: base64url JSON {o: orgId, s: subscriptionId} plus an HMAC-SHA256 keyed with the
 * cursor secret (as functions/data/cursor.ts) but over a distinct purpose prefix, so a pagination cursor can
 * never pass as an unsubscribe token or the other way round. No expiry: an old e-mail's link must keep working.
 */
const PURPOSE = 'unsubscribe:v1:';

export interface UnsubscribeTarget {
  orgId: string;
  subscriptionId: string;
}

export function unsubscribeToken(target: UnsubscribeTarget): string {
  const payload = Buffer.from(JSON.stringify({ o: target.orgId, s: target.subscriptionId })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export function readUnsubscribeToken(token: string): UnsubscribeTarget {
  const parts = token.split('.');
  const [payload, mac] = parts;
  if (parts.length !== 2 || !payload || !mac || !safeEqual(mac, sign(payload))) throw tampered();
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw tampered();
  }
  const { o, s } = (state ?? {}) as { o?: unknown; s?: unknown };
  if (typeof o !== 'string' || typeof s !== 'string' || !o || !s) throw tampered();
  return { orgId: o, subscriptionId: s };
}

const tampered = () =>
  badRequest('This unsubscribe link is not one we sent. Open it from the e-mail again, or manage subscriptions when signed in.', [
    { path: 'token', message: 'Invalid or tampered token' },
  ]);

function sign(payload: string): string {
  return createHmac('sha256', config().cursorSecret).update(PURPOSE + payload).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
