import type { RouteHandlers } from '../types.js';
import { htmlText } from '../../../shared/domain/format-text.js';
import { idempotent } from './lazy.js';

// Use cases load on first use (see handlers/calls.ts).

export const subscriptionsHandlers: RouteHandlers<
  'listSubscriptions' | 'createSubscription' | 'deleteSubscription' | 'unsubscribe' | 'confirmEmailPage' | 'confirmEmail'
> = {
  listSubscriptions: async ({ principal }) => ({
    body: { items: await (await import('../../subscriptions/list-subscriptions.js')).listSubscriptions(principal) },
  }),
  createSubscription: async ({ body, principal, headers }) =>
    idempotent('createSubscription', principal, headers, body, async () => {
      const subscription = await (await import('../../subscriptions/create-subscription.js')).createSubscription(body, principal);
      return { status: 201, body: subscription, headers: { location: `/api/me/subscriptions/${subscription.id}` } };
    }),
  confirmEmailPage: async ({ query }) => ({
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    body:
      `<!doctype html><html lang="nb"><meta charset="utf-8"><title>Bekreft e-postadressen</title>` +
      `<h1>Bekreft e-postadressen</h1><p>Trykk på knappen for å ta imot varsler fra Innovasjonstorget på denne adressen.</p>` +
      `<form method="post" action="/api/email-confirmations?token=${htmlText(encodeURIComponent(query.token))}">` +
      `<button type="submit">Bekreft</button></form></html>`,
  }),
  confirmEmail: async ({ query }) => ({
    body: await (await import('../../subscriptions/email-confirmation.js')).confirmEmail(query.token),
    headers: { 'cache-control': 'no-store' },
  }),
  deleteSubscription: async ({ params, principal }) => {
    await (await import('../../subscriptions/delete-subscription.js')).deleteSubscription(params.id, principal);
    return { status: 204 };
  },
  unsubscribe: async ({ query }) => ({
    body: await (await import('../../subscriptions/unsubscribe.js')).unsubscribe(query.token),
    headers: { 'cache-control': 'no-store' },
  }),
};
