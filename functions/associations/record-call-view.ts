import { badRequest, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall } from '../data/calls.js';
import { addPromotionView, getMembership, getPromotion, touchCallViewer } from '../data/associations.js';
import { assertVisible } from '../calls/view.js';

/**
 * A call page was opened, perhaps through a promotion link. Everything is checked before anything is
 * written, and a request writes at most two items: the company's viewer item (signed-in company users
 * only) and one ADD on the promotion's counters. An unknown promotion is a 404, one of another call a
 * 400: the page sends back exactly what its link carried, so either means a broken or forged link.
 */
export async function recordCallView(callId: string, promotionId: string | undefined, principal: Principal | undefined): Promise<void> {
  assertVisible(await getCall(callId), principal);
  const promotion = promotionId ? await getPromotion(promotionId) : undefined;
  if (promotionId && !promotion) throw notFound('No promotion with that id.');
  if (promotion && promotion.callId !== callId) {
    throw badRequest('The promotion is for another call.', [{ path: 'promotionId', message: 'Promotion of another call' }]);
  }

  let memberViewer = false;
  if (principal?.role === 'company') {
    const previous = await touchCallViewer(callId, principal.orgId, now().toISOString());
    // The company's first opening since the promotion, through its link, by a member: counted once.
    if (promotion && (previous === undefined || previous < promotion.promotedAt)) {
      memberViewer = (await getMembership(promotion.associationId, principal.orgId))?.status === 'accepted';
    }
  }
  if (promotion && !(await addPromotionView(promotion.id, callId, memberViewer))) {
    throw notFound('No promotion with that id.');
  }
}
