import type { RouteHandlers } from '../types.js';
import { listSubscriptions } from '../../subscriptions/list-subscriptions.js';
import { createSubscription } from '../../subscriptions/create-subscription.js';
import { deleteSubscription } from '../../subscriptions/delete-subscription.js';
import { unsubscribe } from '../../subscriptions/unsubscribe.js';

// principal is safe: 'user' routes never reach a handler without one (authenticate middleware).
export const subscriptionsHandlers: RouteHandlers<'listSubscriptions' | 'createSubscription' | 'deleteSubscription' | 'unsubscribe'> = {
  listSubscriptions: async ({ principal }) => ({ body: { items: await listSubscriptions(principal) } }),
  createSubscription: async ({ body, principal }) => {
    const subscription = await createSubscription(body, principal);
    return { status: 201, body: subscription, headers: { location: `/api/me/subscriptions/${subscription.id}` } };
  },
  deleteSubscription: async ({ params, principal }) => {
    await deleteSubscription(params.id, principal);
    return { status: 204 };
  },
  unsubscribe: async ({ query }) => ({ body: await unsubscribe(query.token), headers: { 'cache-control': 'no-store' } }),
};
