import type { Promotion } from '../../shared/schemas/associations.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCalls } from '../data/calls.js';
import { listAssociationPromotions, listCompanyMemberships } from '../data/associations.js';
import { isOpenNow, promotionView } from './view.js';

/**
 * Promotions from every association the caller's company is an accepted member of, newest first,
 * for calls that are still open (a cancelled or closed call has nothing left to answer).
 */
export async function listMemberFeed(principal: Principal): Promise<Promotion[]> {
  const memberships = await listCompanyMemberships(principal.orgId, 'accepted');
  const promotions = (await Promise.all(memberships.map((m) => listAssociationPromotions(m.associationId)))).flat();
  const calls = await getCalls(promotions.map((p) => p.callId));
  const at = now();
  return promotions
    .filter((p) => isOpenNow(calls.get(p.callId), at))
    .sort((a, b) => b.promotedAt.localeCompare(a.promotedAt) || b.id.localeCompare(a.id))
    .map((p) => promotionView(p, calls.get(p.callId)));
}
