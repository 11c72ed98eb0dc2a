import type { RouteHandlers } from '../types.js';
import { readVisitor, visitorOf } from '../../core/visitor.js';
import { clientKey } from '../../core/rate-limit.js';

// Use cases load on first use (see handlers/calls.ts).
const page = () => import('../../associations/association-page.js');
const memberships = () => import('../../associations/list-memberships.js');

export const associationsHandlers: RouteHandlers<
  | 'listAssociations'
  | 'getAssociation'
  | 'requestMembership'
  | 'listMemberships'
  | 'decideMembership'
  | 'listMyMemberships'
  | 'promoteCall'
  | 'listReach'
  | 'recordCallView'
  | 'listMyFeed'
> = {
  listAssociations: async () => ({ body: { items: await (await page()).listAssociations() } }),
  getAssociation: async ({ params }) => ({ body: await (await page()).getAssociationPage(params.id) }),
  requestMembership: async ({ params, principal }) => ({
    status: 201,
    body: await (await import('../../associations/request-membership.js')).requestMembership(params.id, principal),
  }),
  listMemberships: async ({ params, query, principal }) => ({
    body: { items: await (await memberships()).listMemberships(params.id, query.status, principal) },
  }),
  decideMembership: async ({ params, body, principal }) => ({
    body: await (await import('../../associations/decide-membership.js')).decideMembership(params.id, params.orgNumber, body.decision, principal),
  }),
  listMyMemberships: async ({ principal }) => ({ body: { items: await (await memberships()).listMyMemberships(principal) } }),
  promoteCall: async ({ params, body, principal }) => {
    const { promotion, created } = await (await import('../../associations/promote-call.js')).promoteCall(params.id, body, principal);
    return { status: created ? 201 : 200, body: promotion };
  },
  listReach: async ({ params, principal }) => ({ body: { items: await (await import('../../associations/reach.js')).listReach(params.id, principal) } }),
  recordCallView: async ({ params, body, principal, headers, sourceIp }) => {
    // Anonymous viewers are told apart by a signed visitor cookie, minted here when absent.
    const visitor = principal ? undefined : readVisitor(headers.cookie);
    const fresh = principal || visitor ? undefined : visitorOf(headers);
    const { recordCallView } = await import('../../associations/record-call-view.js');
    await recordCallView(params.id, body.promotionId, principal, visitor, clientKey(principal, headers, sourceIp));
    return { status: 204, ...(fresh?.setCookie ? { headers: { 'set-cookie': fresh.setCookie } } : {}) };
  },
  listMyFeed: async ({ principal }) => ({ body: { items: await (await import('../../associations/member-feed.js')).listMemberFeed(principal) } }),
};
