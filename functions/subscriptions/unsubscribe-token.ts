import { openToken, sealToken } from '../core/signed-token.js';
import { badRequest } from '../core/errors.js';

/**
 * Signed unsubscribe tokens {o: orgId, s: subscriptionId} (functions/core/signed-token.ts) under their own
 * purpose, so a pagination cursor can never pass as an unsubscribe token or the other way round. No expiry: an old e-mail's link must keep working.
 */
const PURPOSE = 'unsubscribe:v1';

export interface UnsubscribeTarget {
  orgId: string;
  subscriptionId: string;
}

export function unsubscribeToken(target: UnsubscribeTarget): string {
  return sealToken(PURPOSE, { o: target.orgId, s: target.subscriptionId });
}

export function readUnsubscribeToken(token: string): UnsubscribeTarget {
  const { o, s } = (openToken(PURPOSE, token) ?? {}) as { o?: unknown; s?: unknown };
  if (typeof o !== 'string' || typeof s !== 'string' || !o || !s) throw tampered();
  return { orgId: o, subscriptionId: s };
}

const tampered = () =>
  badRequest('This unsubscribe link is not one we sent. Open it from the e-mail again, or manage subscriptions when signed in.', [
    { path: 'token', message: 'Invalid or tampered token' },
  ]);
