import { deleteSubscription, listSubscriptionsByFrequency } from '../../functions/data/subscriptions.js';

/**
 * The demo seed includes saved searches; tests that count the messages a job sends start without them
 * so every message they see comes from the searches they made.
 */
export async function removeAllSubscriptions(): Promise<void> {
  for (const frequency of ['weekly', 'immediate'] as const) {
    for (const s of await listSubscriptionsByFrequency(frequency)) await deleteSubscription(s.orgId, s.id);
  }
}
