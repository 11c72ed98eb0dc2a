import { ulid } from 'ulid';
import type { Subscription, SubscriptionInput } from '../../shared/schemas/subscriptions.js';
import { badRequest, conflict, forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { insertSubscription, listOrgSubscriptions, type SubscriptionRecord } from '../data/subscriptions.js';
import { subscriptionView } from './view.js';
import { isConfirmed } from './email-confirmation.js';
import { requestConfirmation } from '../data/email-addresses.js';
import { releaseSlot, reserveSlot } from '../data/counters.js';

/** Enough for any real use; stops one organisation from turning the job into a mass mailer. */
export const MAX_SUBSCRIPTIONS_PER_ORG = 25;

export const mayManageSubscriptions = (p: Principal) => p.role === 'company' || p.role === 'association';

/** A saved search of the caller's organisation (companies and associations; forMembers for associations only). */
export async function createSubscription(input: SubscriptionInput, principal: Principal): Promise<Subscription> {
  if (!mayManageSubscriptions(principal)) throw forbidden('Only companies and business associations subscribe to saved searches.');
  if (input.forMembers && principal.role !== 'association') {
    throw badRequest('Only business associations can send a saved search to their members.', [{ path: 'forMembers', message: 'Only for associations' }]);
  }
  // The cap holds under concurrency: a conditional counter, not a count before the write.
  const reserved = await reserveSlot(
    principal.orgId,
    'subscriptions',
    MAX_SUBSCRIPTIONS_PER_ORG,
    async () => (await listOrgSubscriptions(principal.orgId)).length,
  );
  if (!reserved) {
    throw conflict(`An organisation can have at most ${MAX_SUBSCRIPTIONS_PER_ORG} saved searches; remove one first.`, 'subscription-limit');
  }
  const filters: SubscriptionRecord['filters'] = {};
  if (input.filters.cpvPrefix) filters.cpvPrefix = input.filters.cpvPrefix;
  if (input.filters.municipality) filters.municipality = input.filters.municipality;
  if (input.filters.domain) filters.domain = input.filters.domain;
  if (input.filters.q) filters.q = input.filters.q;
  const record: SubscriptionRecord = {
    id: ulid(),
    orgId: principal.orgId,
    name: input.name,
    filters,
    frequency: input.frequency,
    email: input.email,
    forMembers: input.forMembers ?? false,
    createdAt: now().toISOString(),
  };
  try {
    if (!(await insertSubscription(record))) throw new Error(`subscription id ${record.id} already taken`);
  } catch (e) {
    await releaseSlot(principal.orgId, 'subscriptions');
    throw e;
  }
  // Nothing is sent to an address the organisation has not confirmed; the job sends one confirmation message.
  const confirmed = await isConfirmed(principal.orgId, record.email);
  if (!confirmed) await requestConfirmation(principal.orgId, record.email, record.createdAt);
  return subscriptionView(record, confirmed);
}
