import type { RouteHandlers } from '../types.js';
import { getAssociationPage, listAssociations } from '../../associations/association-page.js';
import { requestMembership } from '../../associations/request-membership.js';
import { decideMembership } from '../../associations/decide-membership.js';
import { listMemberships, listMyMemberships } from '../../associations/list-memberships.js';
import { promoteCall } from '../../associations/promote-call.js';
import { listReach } from '../../associations/reach.js';
import { recordCallView } from '../../associations/record-call-view.js';
import { listMemberFeed } from '../../associations/member-feed.js';

// principal is safe: 'user' routes never reach a handler without one (authenticate middleware).
export const associationsHandlers: RouteHandlers<'listAssociations' | 'getAssociation' | 'requestMembership' | 'listMemberships' | 'decideMembership' | 'listMyMemberships' | 'promoteCall' | 'listReach' | 'recordCallView' | 'listMyFeed'> = {
  listAssociations: async () => ({ body: { items: await listAssociations() } }),
  getAssociation: async ({ params }) => ({ body: await getAssociationPage(params.id) }),
  requestMembership: async ({ params, principal }) => ({ status: 201, body: await requestMembership(params.id, principal) }),
  listMemberships: async ({ params, query, principal }) => ({ body: { items: await listMemberships(params.id, query.status, principal) } }),
  decideMembership: async ({ params, body, principal }) =>
    ({ body: await decideMembership(params.id, params.orgNumber, body.decision, principal) }),
  listMyMemberships: async ({ principal }) => ({ body: { items: await listMyMemberships(principal) } }),
  promoteCall: async ({ params, body, principal }) => ({ status: 201, body: await promoteCall(params.id, body, principal) }),
  listReach: async ({ params, principal }) => ({ body: { items: await listReach(params.id, principal) } }),
  recordCallView: async ({ params, body, principal }) => {
    await recordCallView(params.id, body.promotionId, principal);
    return { status: 204 };
  },
  listMyFeed: async ({ principal }) => ({ body: { items: await listMemberFeed(principal) } }),
};
