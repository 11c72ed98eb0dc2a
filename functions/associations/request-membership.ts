import type { Membership } from '../../shared/schemas/associations.js';
import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getMembership, putMembershipRequest } from '../data/associations.js';
import { requireAssociation, requireCompany } from './access.js';
import { membershipView } from './view.js';

/**
 * The caller's company asks to join. One conditional write: it lands only when there is no request
 * or the last one was declined, so a pending request or a membership is never overwritten (409).
 */
export async function requestMembership(associationId: string, principal: Principal): Promise<Membership> {
  const association = await requireAssociation(associationId);
  const company = await requireCompany(principal);
  const record = {
    associationId,
    associationName: association.name,
    orgNumber: company.id,
    companyName: company.name,
    status: 'pending' as const,
    requestedAt: now().toISOString(),
    requestedBy: principal.userId,
  };
  if (!(await putMembershipRequest(record))) {
    const existing = await getMembership(associationId, company.id);
    throw conflict(
      existing?.status === 'accepted'
        ? `${company.name} is already a member of ${association.name}.`
        : `${company.name} has already asked to join ${association.name}; the request is pending.`,
    );
  }
  return membershipView(record);
}
