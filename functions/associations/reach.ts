import type { Reach } from '../../shared/schemas/associations.js';
import { forbidden } from '../core/errors.js';
import { now } from '../core/clock.js';
import { proposalsAreSealed } from '../../shared/domain/call-status.js';
import { proposalFiguresMayBeShown } from '../../shared/domain/procedure.js';
import { phaseOf } from '../calls/view.js';
import type { Principal } from '../core/principal.js';
import { getCalls } from '../data/calls.js';
import { listProposalsForCall } from '../data/proposals.js';
import { getOutcomes } from '../data/sharing.js';
import { listAssociationMemberships, listAssociationPromotions, listCallViewers } from '../data/associations.js';
import { assertStaff, requireAssociation } from './access.js';

/**
 * What each promotion produced, newest first: views through its link, accepted member companies that
 * opened the call at or after the promotion, and proposals those members submitted at or after it.
 * Only counts leave this function, and the proposal count only once the call's partners are chosen. The association's own staff and the
 * programme owner may ask.
 */
export async function listReach(associationId: string, principal: Principal): Promise<Reach[]> {
  if (principal.role === 'association') assertStaff(associationId, principal, 'see the reach of its promotions');
  else if (principal.role !== 'programme') throw forbidden('Only the association and the programme owner see reach.');
  await requireAssociation(associationId);

  const [promotions, members] = await Promise.all([listAssociationPromotions(associationId), listAssociationMemberships(associationId, 'accepted')]);
  const isMember = new Set(members.map((m) => m.orgNumber));
  const callIds = [...new Set(promotions.map((p) => p.callId))];
  const [calls, outcomes, activity] = await Promise.all([
    getCalls(callIds),
    getOutcomes(callIds),
    Promise.all(
      callIds.map(async (id) => {
        const [viewers, proposals] = await Promise.all([listCallViewers(id), listProposalsForCall(id)]);
        return [
          id,
          {
            viewedAt: viewers.filter((v) => isMember.has(v.orgNumber)).map((v) => v.lastViewedAt),
            submittedAt: proposals.filter((p) => isMember.has(p.orgNumber)).map((p) => p.submittedAt),
          },
        ] as const;
      }),
    ),
  ]);
  const byCall = new Map(activity);
  const at = now();
  // Even a count of member proposals says who is bidding: it stays hidden until the municipality has chosen
  // its partners (an outcome exists), not merely until the deadline.
  const sealed = (callId: string) => {
    const call = calls.get(callId);
    return !call || proposalsAreSealed(call.deadline, at) || !proposalFiguresMayBeShown(phaseOf(call, at), outcomes.has(callId));
  };

  return promotions.map((p) => {
    const a = byCall.get(p.callId)!;
    return {
      promotionId: p.id,
      associationId: p.associationId,
      callId: p.callId,
      callTitle: calls.get(p.callId)?.title ?? p.callTitle,
      promotedAt: p.promotedAt,
      views: p.views ?? 0,
      memberViewers: a.viewedAt.filter((t) => t >= p.promotedAt).length,
      ...(sealed(p.callId)
        ? {
            memberProposals: null,
            ...(calls.get(p.callId) && proposalsAreSealed(calls.get(p.callId)!.deadline, at) ? { proposalsSealedUntil: calls.get(p.callId)!.deadline } : {}),
          }
        : { memberProposals: a.submittedAt.filter((t) => t >= p.promotedAt).length }),
    };
  });
}
