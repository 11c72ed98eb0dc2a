import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Membership } from '../../shared/schemas/associations.js';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';
import type { OrganisationRecord } from './organisations.js';

/**
 * Business associations: memberships (ASSOC#a / MEMBER#org, mirrored into the company's ORG#org
 * partition on gsi2), promotions (PROMO#id with counters, listed per association on gsi1 and per
 * call on gsi2) and call viewers (CALL#id / VIEWER#org). Every write is one item, conditional where
 * an invariant depends on it; counters are ADDed in place.
 */

export type MembershipStatus = Membership['status'];

export interface MembershipRecord {
  associationId: string;
  associationName: string;
  orgNumber: string;
  companyName: string;
  status: MembershipStatus;
  requestedAt: string;
  decidedAt?: string;
  requestedBy: string;
  decidedBy?: string;
}

export interface PromotionRecord {
  id: string;
  associationId: string;
  associationName: string;
  callId: string;
  /** The call as it was when promoted; views refresh title and deadline from the call itself. */
  callTitle: string;
  municipalityCode: string;
  callDeadline: string;
  note: string;
  promotedAt: string;
  promotedBy: string;
  /** Page views that arrived through the promotion link. */
  views: number;
  /** Member companies whose first opening of the call after the promotion came through this link. */
  memberViewers: number;
}

export interface CallViewerRecord {
  callId: string;
  orgNumber: string;
  firstViewedAt: string;
  lastViewedAt: string;
}

const strip = <T>(item: Record<string, unknown>): T => {
  const { pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk, ...rest } = item;
  void pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk;
  return rest as T;
};

/** Every item of a small query (members of one association, …), stored keys stripped. */
const queryAllStripped = async <T>(input: QueryCommandInput): Promise<T[]> => (await queryAll(input)).map((i) => strip<T>(i));

// ---------------------------------------------------------------------------------------------
// Associations (organisations of kind 'association')

export async function listAssociationOrgs(): Promise<OrganisationRecord[]> {
  return queryAllStripped<OrganisationRecord>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.organisationsOfKind('association') },
  });
}

/** How many accepted members an association has (a counting query: nothing to keep in step). */
export async function countAcceptedMembers(associationId: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
        FilterExpression: '#s = :accepted',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':pk': keys.membership(associationId, '').pk, ':m': keys.membershipPrefix, ':accepted': 'accepted',
        },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

// ---------------------------------------------------------------------------------------------
// Memberships

export function membershipItem(m: MembershipRecord): Record<string, unknown> {
  return {
    ...keys.membership(m.associationId, m.orgNumber),
    type: 'membership',
    ...m,
    gsi2pk: keys.orgProposals(m.orgNumber),
    gsi2sk: keys.orgMembershipSort(m.associationId),
  };
}

export async function getMembership(associationId: string, orgNumber: string): Promise<MembershipRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.membership(associationId, orgNumber) }));
  return out.Item ? strip<MembershipRecord>(out.Item) : undefined;
}

/**
 * A company asks to join: one conditional put that succeeds when there is no request yet or the last
 * one was declined (asking again starts over as pending). False when a request is pending or accepted.
 */
export async function putMembershipRequest(m: MembershipRecord): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: membershipItem(m),
        ConditionExpression: 'attribute_not_exists(pk) OR #s = :declined',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':declined': 'declined' },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Writes a membership only if the company has none with this association (demo data never overwrites a real one). */
export async function insertMembership(m: MembershipRecord): Promise<boolean> {
  try {
    await db().send(new PutCommand({ TableName: table(), Item: membershipItem(m), ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** pending → accepted or declined, conditional on the request still being pending. Undefined when it was not. */
export async function decidePendingMembership(
  associationId: string,
  orgNumber: string,
  status: 'accepted' | 'declined',
  decidedAt: string,
  decidedBy: string,
): Promise<MembershipRecord | undefined> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.membership(associationId, orgNumber),
        UpdateExpression: 'SET #s = :s, decidedAt = :at, decidedBy = :by',
        ConditionExpression: 'attribute_exists(pk) AND #s = :pending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': status, ':at': decidedAt, ':by': decidedBy, ':pending': 'pending' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<MembershipRecord>(out.Attributes!);
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

/** An association's requests and members, by organisation number; optionally one status only. */
export async function listAssociationMemberships(associationId: string, status?: MembershipStatus): Promise<MembershipRecord[]> {
  return queryAllStripped<MembershipRecord>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
    ...(status ? { FilterExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
    ExpressionAttributeValues: {
      ':pk': keys.membership(associationId, '').pk, ':m': keys.membershipPrefix, ...(status ? { ':s': status } : {}),
    },
  });
}

/** A company's memberships in every association (gsi2, the company's ORG# partition). */
export async function listCompanyMemberships(orgNumber: string, status?: MembershipStatus): Promise<MembershipRecord[]> {
  return queryAllStripped<MembershipRecord>({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :m)',
    ...(status ? { FilterExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
    ExpressionAttributeValues: {
      ':p': keys.orgProposals(orgNumber), ':m': keys.orgMembershipPrefix, ...(status ? { ':s': status } : {}),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Promotions

const promotionSort = (p: Pick<PromotionRecord, 'promotedAt' | 'id'>) => `${p.promotedAt}#${p.id}`;

/** Creates a promotion once (false when the id is taken, which only a re-run seed hits). */
export async function insertPromotion(p: PromotionRecord): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.promotion(p.id),
          type: 'promotion',
          ...p,
          gsi1pk: keys.associationPromotions(p.associationId),
          gsi1sk: promotionSort(p),
          gsi2pk: keys.callPromotions(p.callId),
          gsi2sk: promotionSort(p),
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

/** Changes a promotion's note (the second promotion of the same call by the same association). */
export async function updatePromotionNote(id: string, note: string, at: string, by: string): Promise<PromotionRecord | undefined> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.promotion(id),
        UpdateExpression: 'SET note = :n, noteUpdatedAt = :at, noteUpdatedBy = :by',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':n': note, ':at': at, ':by': by },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes ? strip<PromotionRecord>(out.Attributes) : undefined;
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

/** Promotions of one call (gsi2 `CALL#id#PROMOS`). */
export async function listCallPromotions(callId: string): Promise<PromotionRecord[]> {
  return queryAllStripped<PromotionRecord>({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :p',
    ExpressionAttributeValues: { ':p': keys.callPromotions(callId) },
  });
}

export async function getPromotion(id: string): Promise<PromotionRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.promotion(id) }));
  return out.Item ? strip<PromotionRecord>(out.Item) : undefined;
}

/** An association's promotions, newest first. */
export async function listAssociationPromotions(associationId: string): Promise<PromotionRecord[]> {
  return queryAllStripped<PromotionRecord>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.associationPromotions(associationId) },
    ScanIndexForward: false,
  });
}

/**
 * Counts one view through a promotion link: one UpdateItem that ADDs to the counters, conditional on
 * the promotion existing and belonging to `callId`, so a stale or foreign id never creates an item.
 * False when the condition failed.
 */
export async function addPromotionView(promotionId: string, callId: string, memberViewer: boolean): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.promotion(promotionId),
        UpdateExpression: 'ADD #v :one, #m :m',
        ConditionExpression: 'attribute_exists(pk) AND callId = :call',
        ExpressionAttributeNames: { '#v': 'views', '#m': 'memberViewers' },
        ExpressionAttributeValues: { ':one': 1, ':m': memberViewer ? 1 : 0, ':call': callId },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/**
 * Claims the one counted view of `viewer` (an organisation or a visitor id) for a call in a window: one
 * conditional Put on `CALL#id / SEEN#viewer`, which succeeds only if the viewer was never counted for the
 * call or was last counted `windowMs` or longer ago. True when this view is the one to count.
 */
export async function claimCountedView(callId: string, viewer: string, at: Date, windowMs: number): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.countedView(callId, viewer), type: 'countedView', countedAt: at.toISOString(),
          // Cleanup in AWS (table TTL); the window itself is enforced by the condition, not by TTL.
          expiresAt: Math.floor((at.getTime() + windowMs) / 1000) + 86_400,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR countedAt <= :since',
        ExpressionAttributeValues: { ':since': new Date(at.getTime() - windowMs).toISOString() },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Call viewers

/**
 * Records that a company opened a call: one UpdateItem (created on the first view). Returns when the
 * company last opened the call before this view, if ever.
 */
export async function touchCallViewer(callId: string, orgNumber: string, at: string): Promise<string | undefined> {
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.callViewer(callId, orgNumber),
      UpdateExpression: 'SET #t = :type, callId = :call, orgNumber = :org, lastViewedAt = :at, firstViewedAt = if_not_exists(firstViewedAt, :at)',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: { ':type': 'callViewer', ':call': callId, ':org': orgNumber, ':at': at },
      ReturnValues: 'UPDATED_OLD',
    }),
  );
  const previous = out.Attributes?.lastViewedAt;
  return typeof previous === 'string' ? previous : undefined;
}

/** A viewer item written only if none exists (demo data never overwrites a real view). */
export async function insertCallViewer(v: CallViewerRecord): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.callViewer(v.callId, v.orgNumber), type: 'callViewer', ...v },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Every company that opened a call, with when it last did. */
export async function listCallViewers(callId: string): Promise<CallViewerRecord[]> {
  return queryAllStripped<CallViewerRecord>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
    ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':v': keys.callViewerPrefix },
  });
}
