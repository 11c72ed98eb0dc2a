import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';
import { listAssociationMemberships } from './associations.js';
import { releaseSlot } from './counters.js';

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

type Stored = SubscriptionRecord & Record<string, unknown>;

function fromItem(item: Record<string, unknown>): SubscriptionRecord {
  const { id, orgId, name, filters, frequency, email, forMembers, createdAt } = item as Stored;
  return { id, orgId, name, filters: filters ?? {}, frequency, email, forMembers: Boolean(forMembers), createdAt };
}

/** Creates a subscription once (its key is new); also lists it on gsi1 under its frequency for the job. */
export async function insertSubscription(s: SubscriptionRecord): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.subscription(s.orgId, s.id),
          type: 'subscription',
          ...s,
          gsi1pk: keys.subscriptionsByFrequency(s.frequency),
          gsi1sk: `${s.createdAt}#${s.id}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** An organisation's subscriptions, oldest first (the ids are ULIDs). */
export async function listOrgSubscriptions(orgId: string): Promise<SubscriptionRecord[]> {
  const items = await queryAll<Stored>({
    TableName: table(),
    KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
    ExpressionAttributeValues: { ':p': keys.subscription(orgId, '').pk, ':s': keys.subscriptionPrefix },
  });
  return items.map(fromItem);
}

/** Deletes one subscription of one organisation; returns what was deleted, or undefined if there was none. */
export async function deleteSubscription(orgId: string, id: string): Promise<SubscriptionRecord | undefined> {
  try {
    const out = await db().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.subscription(orgId, id),
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    if (!out.Attributes) return undefined;
    // The cap's counter (functions/data/counters.ts) gives the slot back.
    await releaseSlot(orgId, 'subscriptions');
    return fromItem(out.Attributes);
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

/** Every subscription of one frequency (the notification job's work list), via gsi1. */
export async function listSubscriptionsByFrequency(frequency: Frequency): Promise<SubscriptionRecord[]> {
  const items = await queryAll<Stored>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.subscriptionsByFrequency(frequency) },
  });
  return items.map(fromItem);
}

/**
 * Claims the right to send one notice (a call, or a weekly digest key) for one subscription: a conditional put,
 * so of any number of concurrent or repeated runs exactly one gets true.
 */
export async function claimNotice(subscriptionId: string, noticeId: string, at: string): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.noticeSent(subscriptionId, noticeId), type: 'noticeSent', sentAt: at },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Gives a claim back after a failed send, so a later run tries again. */
export async function releaseNotice(subscriptionId: string, noticeId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: table(), Key: keys.noticeSent(subscriptionId, noticeId) }));
}

/** When the immediate job last finished a window (ISO), or undefined before its first run. */
export async function getNotificationWatermark(): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.notificationWatermark, ConsistentRead: true }));
  return typeof out.Item?.lastRunAt === 'string' ? out.Item.lastRunAt : undefined;
}

/**
 * Moves the watermark from `expected` (undefined: not there yet) to `next`, and only forward: one conditional
 * update, so two overlapping runs cannot move it back. False when another run got there first.
 */
export async function advanceNotificationWatermark(expected: string | undefined, next: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.notificationWatermark,
        UpdateExpression: 'SET lastRunAt = :next',
        ConditionExpression: expected === undefined ? 'attribute_not_exists(pk)' : 'lastRunAt = :expected AND :next > lastRunAt',
        ExpressionAttributeValues: { ':next': next, ...(expected === undefined ? {} : { ':expected': expected }) },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/**
 * Contact e-mails of an association's accepted member companies. Memberships (ASSOC#id / MEMBER#org, status
 * 'accepted') belong to the associations feature; this is a read of them. The address is the one a company
 * sets on its profile (PUT /api/companies/{orgNumber} contactEmail); members without one are skipped.
 */
export async function listMemberContactEmails(associationId: string): Promise<string[]> {
  const members = (await listAssociationMemberships(associationId, 'accepted')).map((m) => m.orgNumber);
  const emails: string[] = [];
  for (let i = 0; i < members.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression: string }> | undefined = {
      [table()]: { Keys: members.slice(i, i + 100).map((id) => keys.organisation(id)), ProjectionExpression: 'contactEmail' },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[table()] ?? []) {
        if (typeof item.contactEmail === 'string' && item.contactEmail.includes('@')) emails.push(item.contactEmail);
      }
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return [...new Set(emails)].sort();
}
