import { listAssociationMemberships } from './associations.js';
import { releaseSlot } from './counters.js';
import { entity } from './entity.js';
import { keys } from './keys.js';
import { organisations } from './organisations.js';

export type Frequency = 'weekly' | 'immediate';

/** A saved search as stored under its organisation (ORG#org / SUB#id). */
export interface SubscriptionRecord {
  id: string;
  orgId: string;
  name: string;
  filters: { cpvPrefix?: string; municipality?: string; domain?: string; q?: string };
  frequency: Frequency;
  email: string;
  forMembers: boolean;
  createdAt: string;
}

interface NoticeSentRecord {
  subscriptionId: string;
  /** A call id, or `DIGEST#<ISO week>` for a weekly digest. */
  noticeId: string;
  sentAt: string;
}

export const subscriptions = entity<SubscriptionRecord, Pick<SubscriptionRecord, 'orgId' | 'id'>>({
  type: 'subscription',
  description: 'A saved search of an organisation, sent immediately or weekly',
  key: (s) => keys.subscription(s.orgId, s.id),
  indexes: (s) => ({ gsi1pk: keys.subscriptionsByFrequency(s.frequency), gsi1sk: `${s.createdAt}#${s.id}` }),
  defaults: { filters: {}, forMembers: false },
  patterns: [
    { name: "an organisation's saved searches", index: 'table', partition: 'ORG#<orgId>', sort: 'begins_with(SUB#)' },
    { name: "the notification job's work list", index: 'gsi1', partition: 'SUBS#<weekly|immediate>', sort: '<createdAt>#<id>' },
  ],
});

export const noticesSent = entity<NoticeSentRecord, Pick<NoticeSentRecord, 'subscriptionId' | 'noticeId'>>({
  type: 'noticeSent',
  description: 'A notice sent for one saved search (a call, or a weekly digest): makes sending idempotent',
  key: (n) => keys.noticeSent(n.subscriptionId, n.noticeId),
  patterns: [{ name: 'send a notice once', index: 'table', partition: 'SUB#<subscriptionId>', sort: 'SENT#<noticeId>' }],
});

export const notificationWatermark = entity<{ lastRunAt?: string }, void>({
  type: 'notificationWatermark',
  description: 'When the immediate notification job last finished a window',
  key: () => keys.notificationWatermark,
  keyOf: () => undefined,
  patterns: [{ name: 'the watermark', index: 'table', partition: 'META', sort: 'NOTICES' }],
});

/** Creates a subscription once (its key is new); also lists it on gsi1 under its frequency for the job. */
export const insertSubscription = (s: SubscriptionRecord) => subscriptions.putIfAbsent(s);

/** An organisation's subscriptions, oldest first (the ids are ULIDs). */
export const listOrgSubscriptions = (orgId: string) =>
  subscriptions.queryEvery({ partition: keys.subscription(orgId, '').pk, sort: { beginsWith: keys.subscriptionPrefix } });

/** Deletes one subscription of one organisation; returns what was deleted, or undefined if there was none. */
export async function deleteSubscription(orgId: string, id: string): Promise<SubscriptionRecord | undefined> {
  const deleted = await subscriptions.take({ orgId, id });
  // The cap's counter (functions/data/counters.ts) gives the slot back.
  if (deleted) await releaseSlot(orgId, 'subscriptions');
  return deleted;
}

/** Every subscription of one frequency (the notification job's work list), via gsi1. */
export const listSubscriptionsByFrequency = (frequency: Frequency) =>
  subscriptions.queryEvery({ index: 'gsi1', partition: keys.subscriptionsByFrequency(frequency) });

/**
 * Claims the right to send one notice (a call, or a weekly digest key) for one subscription: a conditional put,
 * so of any number of concurrent or repeated runs exactly one gets true.
 */
export const claimNotice = (subscriptionId: string, noticeId: string, at: string) => noticesSent.putIfAbsent({ subscriptionId, noticeId, sentAt: at });

/** Gives a claim back after a failed send, so a later run tries again. */
export async function releaseNotice(subscriptionId: string, noticeId: string): Promise<void> {
  await noticesSent.remove({ subscriptionId, noticeId });
}

/** When the immediate job last finished a window (ISO), or undefined before its first run. */
export async function getNotificationWatermark(): Promise<string | undefined> {
  const found = await notificationWatermark.get(undefined, { consistent: true });
  return typeof found?.lastRunAt === 'string' ? found.lastRunAt : undefined;
}

/**
 * Moves the watermark from `expected` (undefined: not there yet) to `next`, and only forward: one conditional
 * update, so two overlapping runs cannot move it back. False when another run got there first.
 */
export function advanceNotificationWatermark(expected: string | undefined, next: string): Promise<boolean> {
  return notificationWatermark.updateIf(undefined, {
    set: { lastRunAt: next },
    upsert: true,
    condition: expected === undefined ? 'attribute_not_exists(pk)' : 'lastRunAt = :expected AND :next > lastRunAt',
    values: expected === undefined ? {} : { ':next': next, ':expected': expected },
  });
}

/**
 * Contact e-mails of an association's accepted member companies. Memberships (ASSOC#id / MEMBER#org, status
 * 'accepted') belong to the associations feature; this is a read of them. The address is the one a company
 * sets on its profile (PUT /api/companies/{orgNumber} contactEmail); members without one are skipped.
 */
export async function listMemberContactEmails(associationId: string): Promise<string[]> {
  const members = (await listAssociationMemberships(associationId, 'accepted')).map((m) => m.orgNumber);
  const profiles = await organisations.getMany(members, ['contactEmail']);
  const emails = profiles.map((p) => p.contactEmail).filter((e): e is string => typeof e === 'string' && e.includes('@'));
  return [...new Set(emails)].sort();
}
