import type { Membership } from '../../shared/schemas/associations.js';
import { conflict, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { decidePendingMembership, getMembership } from '../data/associations.js';
import { assertStaff } from './access.js';
import { membershipView } from './view.js';

/** Staff accept or decline a pending request; the write is conditional on it still being pending (409 otherwise). */
export async function decideMembership(associationId: string, orgNumber: string, decision: 'accept' | 'decline', principal: Principal): Promise<Membership> {
  assertStaff(associationId, principal, 'decide membership requests');
  const status = decision === 'accept' ? 'accepted' : 'declined';
  const decided = await decidePendingMembership(associationId, orgNumber, status, now().toISOString(), principal.userId);
  if (decided) return membershipView(decided);
  const existing = await getMembership(associationId, orgNumber);
  if (!existing) throw notFound('No membership request from that company.');
  throw conflict(`Only pending requests can be decided; this one is ${existing.status}.`);
}
