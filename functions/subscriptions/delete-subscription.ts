import { forbidden, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { deleteSubscription as deleteStored } from '../data/subscriptions.js';
import { mayManageSubscriptions } from './create-subscription.js';

/** Removes one of the caller's organisation's saved searches; another organisation's is a 404 (its key is never read). */
export async function deleteSubscription(id: string, principal: Principal): Promise<void> {
  if (!mayManageSubscriptions(principal)) throw forbidden('Only companies and business associations have saved searches.');
  const deleted = await deleteStored(principal.orgId, id);
  if (!deleted) throw notFound('Your organisation has no saved search with this id.');
}
