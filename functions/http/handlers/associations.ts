import type { RouteHandlers } from '../types.js';
import { problem } from '../../core/errors.js';

// PLACEHOLDER until the feature lands: every route answers 501.
const notYet = async () => { throw problem(501, 'Not implemented yet'); };

export const associationsHandlers: RouteHandlers<'listAssociations' | 'getAssociation' | 'requestMembership' | 'listMemberships' | 'decideMembership' | 'listMyMemberships' | 'promoteCall' | 'listReach' | 'recordCallView' | 'listMyFeed'> = {
  listAssociations: notYet,
  getAssociation: notYet,
  requestMembership: notYet,
  listMemberships: notYet,
  decideMembership: notYet,
  listMyMemberships: notYet,
  promoteCall: notYet,
  listReach: notYet,
  recordCallView: notYet,
  listMyFeed: notYet,
};
