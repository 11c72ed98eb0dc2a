import type { RouteHandlers } from '../types.js';
import { getAssociationPage, listAssociations } from '../../associations/association-page.js';
import { requestMembership } from '../../associations/request-membership.js';
import { decideMembership } from '../../associations/decide-membership.js';
import { listMemberships, listMyMemberships } from '../../associations/list-memberships.js';
import { promoteCall } from '../../associations/promote-call.js';
import { listReach } from '../../associations/reach.js';
import { recordCallView } from '../../associations/record-call-view.js';
import { listMemberFeed } from '../../associations/member-feed.js';
import { readVisitor, visitorOf } from '../../core/visitor.js';
import { clientKey } from '../../core/rate-limit.js';

// principal is safe: 'user' routes never reach a handler without one (authenticate middleware).
export const associationsHandlers: RouteHandlers<'listAssociations' | 'getAssociation' | 'requestMembership' | 'listMemberships' | 'decideMembership' | 'listMyMemberships' | 'promoteCall' | 'listReach' | 'recordCallView' | 'listMyFeed'> = {
  listAssociations: async () => ({ body: { items: await listAssociations() } }),
  getAssociation: async ({ params }) => ({ body: await getAssociationPage(params.id) }),
  requestMembership: async ({ params, principal }) => ({ status: 201, body: await requestMembership(params.id, principal) }),
  listMemberships: async ({ params, query, principal }) => ({ body: { items: await listMemberships(params.id, query.status, principal) } }),
  decideMembership: async ({ params, body, principal }) =>
    ({ body: await decideMembership(params.id, params.orgNumber, body.decision, principal) }),
  listMyMemberships: async ({ principal }) => ({ body: { items: await listMyMemberships(principal) } }),
  promoteCall: async ({ params, body, principal }) => {
    const { promotion, created } = await promoteCall(params.id, body, principal);
    return { status: created ? 201 : 200, body: promotion };
  },
  listReach: async ({ params, principal }) => ({ body: { items: await listReach(params.id, principal) } }),
  recordCallView: async ({ params, body, principal, headers, sourceIp }) => {
    // Anonymous viewers are told apart by a signed visitor cookie, minted here when absent.
    const visitor = principal ? undefined : readVisitor(headers.cookie);
    const fresh = principal || visitor ? undefined : visitorOf(headers);
    await recordCallView(params.id, body.promotionId, principal, visitor, clientKey(principal, headers, sourceIp));
    return { status: 204, ...(fresh?.setCookie ? { headers: { 'set-cookie': fresh.setCookie } } : {}) };
  },
  listMyFeed: async ({ principal }) => ({ body: { items: await listMemberFeed(principal) } }),
};
