import { forbidden, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { getOrganisation, type OrganisationRecord } from '../data/organisations.js';

/** Association ids are organisation ids; anything that is not an association is a 404. */
export async function requireAssociation(id: string): Promise<OrganisationRecord> {
  const org = await getOrganisation(id);
  if (!org || org.kind !== 'association') throw notFound('No association with that id.');
  return org;
}

export const isStaffOf = (associationId: string, principal: Principal | undefined) => principal?.role === 'association' && principal.orgId === associationId;

/** Only the association's own staff manage its memberships and promotions. */
export function assertStaff(associationId: string, principal: Principal, action: string): void {
  if (!isStaffOf(associationId, principal)) throw forbidden(`Only staff of this association can ${action}.`);
}

/** The caller's company, which must be registered as one. */
export async function requireCompany(principal: Principal): Promise<OrganisationRecord> {
  const company = await getOrganisation(principal.orgId);
  if (principal.role !== 'company' || !company || company.kind !== 'company') {
    throw forbidden('Your organisation is not registered as a company.');
  }
  return company;
}
