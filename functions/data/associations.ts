import type { Membership } from '../../shared/schemas/associations.js';
import { entity } from './entity.js';
// Statistics counters follow promotions and accepted memberships (inline locally, from the stream in AWS).
import { afterMembershipWrite, afterPromotionWrite } from './call-derived.js';
import { keys } from './keys.js';
import { organisations } from './organisations.js';

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

/** The last counted view of one viewer of a call (one per viewer per 24 h). */
interface CountedViewRecord {
  callId: string;
  viewer: string;
  countedAt: string;
  /** Epoch seconds: cleanup in AWS (table TTL); the window itself is enforced by the condition, not by TTL. */
  expiresAt: number;
}

export const memberships = entity<MembershipRecord, Pick<MembershipRecord, 'associationId' | 'orgNumber'>>({
  type: 'membership',
  description: "A company's membership of an association (`status` pending/accepted/declined)",
  key: (m) => keys.membership(m.associationId, m.orgNumber),
  // gsi2 shares the company's ORG# partition with its proposals.
  indexes: (m) => ({ gsi2pk: keys.orgProposals(m.orgNumber), gsi2sk: keys.orgMembershipSort(m.associationId) }),
  patterns: [
    { name: 'membership requests and members of an association', index: 'table', partition: 'ASSOC#<associationId>', sort: 'begins_with(MEMBER#)' },
    { name: "a company's memberships", index: 'gsi2', partition: 'ORG#<orgNumber>', sort: 'begins_with(MEMBERSHIP#)' },
  ],
});

const promotionSort = (p: Pick<PromotionRecord, 'promotedAt' | 'id'>) => `${p.promotedAt}#${p.id}`;

export const promotions = entity<PromotionRecord, string>({
  type: 'promotion',
  description: 'An association promoting a call (id derived from association and call: one per pair), with its counters',
  key: (id) => keys.promotion(id),
  keyOf: (p) => p.id,
  indexes: (p) => ({
    gsi1pk: keys.associationPromotions(p.associationId),
    gsi1sk: promotionSort(p),
    gsi2pk: keys.callPromotions(p.callId),
    gsi2sk: promotionSort(p),
  }),
  patterns: [
    { name: 'one promotion', index: 'table', partition: 'PROMO#<id>', sort: 'PROMO' },
    { name: "an association's promotions, newest first", index: 'gsi1', partition: 'ASSOC#<associationId>#PROMOS', sort: '<promotedAt>#<id>' },
    { name: "a call's promotions", index: 'gsi2', partition: 'CALL#<callId>#PROMOS', sort: '<promotedAt>#<id>' },
  ],
});

export const callViewers = entity<CallViewerRecord, Pick<CallViewerRecord, 'callId' | 'orgNumber'>>({
  type: 'callViewer',
  description: "A company that opened a call's page, with when it last did (reach of promotions)",
  key: (v) => keys.callViewer(v.callId, v.orgNumber),
  patterns: [{ name: 'companies that opened a call', index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(VIEWER#)' }],
});

export const countedViews = entity<CountedViewRecord, Pick<CountedViewRecord, 'callId' | 'viewer'>>({
  type: 'countedView',
  description: 'The last counted view of a call by one viewer (`org:<id>` or `visitor:<id>`): one per viewer per 24 h',
  key: (v) => keys.countedView(v.callId, v.viewer),
  patterns: [{ name: 'count a view once per viewer and window', index: 'table', partition: 'CALL#<callId>', sort: 'SEEN#<viewer>' }],
});

const byStatus = (status?: MembershipStatus) =>
  status ? { filter: { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': status } } } : {};

const associationPartition = (associationId: string) => keys.membership(associationId, '').pk;

// ---------------------------------------------------------------------------------------------
// Associations (organisations of kind 'association')

export const listAssociationOrgs = () => organisations.queryEvery({ index: 'gsi1', partition: keys.organisationsOfKind('association') });

/** How many accepted members an association has (a counting query: nothing to keep in step). */
export const countAcceptedMembers = (associationId: string) =>
  memberships.count({ partition: associationPartition(associationId), sort: { beginsWith: keys.membershipPrefix }, ...byStatus('accepted') });

// ---------------------------------------------------------------------------------------------
// Memberships

export const getMembership = (associationId: string, orgNumber: string) => memberships.get({ associationId, orgNumber });
/** The stored item of a membership, for the bulk loader of the scale bench. */
export const membershipItem = (m: MembershipRecord) => memberships.toItem(m);

/**
 * A company asks to join: one conditional put that succeeds when there is no request yet or the last
 * one was declined (asking again starts over as pending). False when a request is pending or accepted.
 */
export const putMembershipRequest = (m: MembershipRecord) =>
  memberships.putIfAbsent(m, { condition: '#status = :declined', names: { '#status': 'status' }, values: { ':declined': 'declined' } });

/** Writes a membership only if the company has none with this association (demo data never overwrites a real one). */
export const insertMembership = (m: MembershipRecord) =>
  memberships.putIfAbsent(m).then(async (ok) => (ok && m.status === 'accepted' && (await afterMembershipWrite(m.orgNumber)), ok));

/** pending → accepted or declined, conditional on the request still being pending. Undefined when it was not. */
export const decidePendingMembership = (associationId: string, orgNumber: string, status: 'accepted' | 'declined', decidedAt: string, decidedBy: string) =>
  memberships
    .update(
      { associationId, orgNumber },
      { set: { status, decidedAt, decidedBy }, condition: '#status = :pending', names: { '#status': 'status' }, values: { ':pending': 'pending' } },
    )
    .then(async (m) => (m && status === 'accepted' && (await afterMembershipWrite(orgNumber)), m));

/** An association's requests and members, by organisation number; optionally one status only. */
export const listAssociationMemberships = (associationId: string, status?: MembershipStatus) =>
  memberships.queryEvery({ partition: associationPartition(associationId), sort: { beginsWith: keys.membershipPrefix }, ...byStatus(status) });

/** A company's memberships in every association (gsi2, the company's ORG# partition). */
export const listCompanyMemberships = (orgNumber: string, status?: MembershipStatus) =>
  memberships.queryEvery({ index: 'gsi2', partition: keys.orgProposals(orgNumber), sort: { beginsWith: keys.orgMembershipPrefix }, ...byStatus(status) });

// ---------------------------------------------------------------------------------------------
// Promotions

/** Creates a promotion once (false when the id is taken, which only a re-run seed hits). */
export const insertPromotion = (p: PromotionRecord) => promotions.putIfAbsent(p).then(async (ok) => (ok && (await afterPromotionWrite(p)), ok));

/** Changes a promotion's note (the second promotion of the same call by the same association). */
export const updatePromotionNote = (id: string, note: string, at: string, by: string) =>
  promotions.update(id, { set: { note, noteUpdatedAt: at, noteUpdatedBy: by } });

/** Promotions of one call (gsi2 `CALL#id#PROMOS`). */
export const listCallPromotions = (callId: string) => promotions.queryEvery({ index: 'gsi2', partition: keys.callPromotions(callId) });

export const getPromotion = (id: string) => promotions.get(id);

/** An association's promotions, newest first. */
export const listAssociationPromotions = (associationId: string) =>
  promotions.queryEvery({ index: 'gsi1', partition: keys.associationPromotions(associationId), newestFirst: true });

/**
 * Counts one view through a promotion link: one UpdateItem that ADDs to the counters, conditional on
 * the promotion existing and belonging to `callId`, so a stale or foreign id never creates an item.
 * False when the condition failed.
 */
export function addPromotionView(promotionId: string, callId: string, memberViewer: boolean): Promise<boolean> {
  return promotions.updateIf(promotionId, {
    add: { views: 1, memberViewers: memberViewer ? 1 : 0 },
    condition: 'callId = :call',
    values: { ':call': callId },
  });
}

/**
 * Claims the one counted view of `viewer` (an organisation or a visitor id) for a call in a window: one
 * conditional Put on `CALL#id / SEEN#viewer`, which succeeds only if the viewer was never counted for the
 * call or was last counted `windowMs` or longer ago. True when this view is the one to count.
 */
export const claimCountedView = (callId: string, viewer: string, at: Date, windowMs: number) =>
  countedViews.putIfAbsent(
    { callId, viewer, countedAt: at.toISOString(), expiresAt: Math.floor((at.getTime() + windowMs) / 1000) + 86_400 },
    { condition: 'countedAt <= :since', values: { ':since': new Date(at.getTime() - windowMs).toISOString() } },
  );

// ---------------------------------------------------------------------------------------------
// Call viewers

/**
 * Records that a company opened a call: one UpdateItem (created on the first view). Returns when the
 * company last opened the call before this view, if ever.
 */
export async function touchCallViewer(callId: string, orgNumber: string, at: string): Promise<string | undefined> {
  const before = await callViewers.update(
    { callId, orgNumber },
    { set: { callId, orgNumber, lastViewedAt: at }, setIfAbsent: { firstViewedAt: at }, upsert: true, returning: 'old' },
  );
  return typeof before?.lastViewedAt === 'string' ? before.lastViewedAt : undefined;
}

/** A viewer item written only if none exists (demo data never overwrites a real view). */
export const insertCallViewer = (v: CallViewerRecord) => callViewers.putIfAbsent(v);

/** Every company that opened a call, with when it last did. */
export const listCallViewers = (callId: string) => callViewers.queryEvery({ partition: keys.call(callId).pk, sort: { beginsWith: keys.callViewerPrefix } });
