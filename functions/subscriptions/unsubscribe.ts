import { audit } from '../core/logger.js';
import { deleteSubscription } from '../data/subscriptions.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

/**
 * One-click unsubscribe (RFC 8058) with the signed token from an e-mail. Idempotent: a second click, or a click
 * after the subscription was removed in the app, is still `unsubscribed: true` (name is then unknown: '').
 * A token we did not sign is a 400. No sign-in: the token is the authorisation, and it can only delete.
 */
export async function unsubscribe(token: string): Promise<{ unsubscribed: boolean; name: string }> {
  const target = readUnsubscribeToken(token);
  const deleted = await deleteSubscription(target.orgId, target.subscriptionId);
  audit('subscription.unsubscribed', { orgId: target.orgId, subscriptionId: target.subscriptionId, deletedNow: Boolean(deleted) });
  return { unsubscribed: true, name: deleted?.name ?? '' };
}
