import type { RouteHandlers } from '../types.js';
import { listSubscriptions } from '../../subscriptions/list-subscriptions.js';
import { createSubscription } from '../../subscriptions/create-subscription.js';
import { deleteSubscription } from '../../subscriptions/delete-subscription.js';
import { unsubscribe } from '../../subscriptions/unsubscribe.js';
import { confirmEmail } from '../../subscriptions/email-confirmation.js';
import { idempotent } from '../../core/idempotency.js';
import { htmlText } from '../../../shared/domain/format-text.js';

// principal is safe: 'user' routes never reach a handler without one (authenticate middleware).

export const subscriptionsHandlers: RouteHandlers<'listSubscriptions' | 'createSubscription' | 'deleteSubscription' | 'unsubscribe' | 'confirmEmailPage' | 'confirmEmail'> = {
  listSubscriptions: async ({ principal }) => ({ body: { items: await listSubscriptions(principal) } }),
  createSubscription: async ({ body, principal, headers }) =>
    idempotent('createSubscription', principal, headers, body, async () => {
      const subscription = await createSubscription(body, principal);
      return { status: 201, body: subscription, headers: { location: `/api/me/subscriptions/${subscription.id}` } };
    }),
  confirmEmailPage: async ({ query }) => ({
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    body: `<!doctype html><html lang="nb"><meta charset="utf-8"><title>Bekreft e-postadressen</title>` +
      `<h1>Bekreft e-postadressen</h1><p>Trykk på knappen for å ta imot varsler fra Innovasjonstorget på denne adressen.</p>` +
      `<form method="post" action="/api/email-confirmations?token=${htmlText(encodeURIComponent(query.token))}">` +
      `<button type="submit">Bekreft</button></form></html>`,
  }),
  confirmEmail: async ({ query }) => ({ body: await confirmEmail(query.token), headers: { 'cache-control': 'no-store' } }),
  deleteSubscription: async ({ params, principal }) => {
    await deleteSubscription(params.id, principal);
    return { status: 204 };
  },
  unsubscribe: async ({ query }) => ({ body: await unsubscribe(query.token), headers: { 'cache-control': 'no-store' } }),
};
