import type { Subscription } from '../../shared/schemas/subscriptions.js';
import type { SubscriptionRecord } from '../data/subscriptions.js';

/** The same saved search as query parameters of the public feeds (cpvPrefix is called cpv there). */
export function feedQuery(filters: SubscriptionRecord['filters']): string {
  const params = new URLSearchParams();
  if (filters.cpvPrefix) params.set('cpv', filters.cpvPrefix);
  if (filters.municipality) params.set('municipality', filters.municipality);
  if (filters.domain) params.set('domain', filters.domain);
  if (filters.q) params.set('q', filters.q);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function subscriptionView(s: SubscriptionRecord, emailConfirmed?: boolean): Subscription {
  const query = feedQuery(s.filters);
  return {
    id: s.id,
    orgId: s.orgId,
    name: s.name,
    filters: { ...s.filters },
    frequency: s.frequency,
    email: s.email,
    ...(emailConfirmed !== undefined ? { emailConfirmed } : {}),
    forMembers: s.forMembers,
    createdAt: s.createdAt,
    feeds: { rss: `/api/feeds/calls${query}`, ics: `/api/feeds/deadlines.ics${query}` },
  };
}
