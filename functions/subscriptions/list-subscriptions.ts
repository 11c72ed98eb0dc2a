import type { Subscription } from '../../shared/schemas/subscriptions.js';
import { forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { listOrgSubscriptions } from '../data/subscriptions.js';
import { mayManageSubscriptions } from './create-subscription.js';
import { subscriptionView } from './view.js';

/** The caller's organisation's saved searches, oldest first. */
export async function listSubscriptions(principal: Principal): Promise<Subscription[]> {
  if (!mayManageSubscriptions(principal)) throw forbidden('Only companies and business associations have saved searches.');
  return (await listOrgSubscriptions(principal.orgId)).map(subscriptionView);
}
