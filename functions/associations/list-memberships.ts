import type { Membership } from '../../shared/schemas/associations.js';
import type { Principal } from '../core/principal.js';
import { listAssociationMemberships, listCompanyMemberships, type MembershipStatus } from '../data/associations.js';
import { assertStaff } from './access.js';
import { membershipView } from './view.js';

const newestFirst = (a: Membership, b: Membership) => b.requestedAt.localeCompare(a.requestedAt);

/** An association's requests and members, newest request first (its own staff only). */
export async function listMemberships(associationId: string, status: MembershipStatus | undefined, principal: Principal): Promise<Membership[]> {
  assertStaff(associationId, principal, 'see its membership requests');
  return (await listAssociationMemberships(associationId, status)).map(membershipView).sort(newestFirst);
}

/** The caller's company's memberships and requests in every association. */
export async function listMyMemberships(principal: Principal): Promise<Membership[]> {
  return (await listCompanyMemberships(principal.orgId)).map(membershipView).sort(newestFirst);
}
