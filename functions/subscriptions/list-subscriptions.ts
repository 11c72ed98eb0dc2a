import type { Subscription } from '../../shared/schemas/subscriptions.js';
import { forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { listOrgSubscriptions } from '../data/subscriptions.js';
import { mayManageSubscriptions } from './create-subscription.js';
import { subscriptionView } from './view.js';
import { isConfirmed } from './email-confirmation.js';

/** The caller's organisation's saved searches, oldest first. */
export async function listSubscriptions(principal: Principal): Promise<Subscription[]> {
  if (!mayManageSubscriptions(principal)) throw forbidden('Only companies and business associations have saved searches.');
  const subs = await listOrgSubscriptions(principal.orgId);
  const addresses = [...new Set(subs.map((s) => s.email.toLowerCase()))];
  const confirmed = new Map(await Promise.all(addresses.map(async (a) => [a, await isConfirmed(principal.orgId, a)] as const)));
  return subs.map((s) => subscriptionView(s, confirmed.get(s.email.toLowerCase()) ?? false));
}
