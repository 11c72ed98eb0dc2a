import { badRequest, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { rateLimiter } from '../core/rate-limit.js';
import { getCall } from '../data/calls.js';
import { addPromotionView, claimCountedView, getMembership, getPromotion, touchCallViewer } from '../data/associations.js';
import { assertVisible } from '../calls/view.js';

/** A view through a promotion counts once per viewer per call in this window. */
export const VIEW_WINDOW_MS = 24 * 3_600_000;
/** View posts per client per minute; more are 429 (a page view sends one). */
export const viewLimiter = rateLimiter({ limit: 30, windowMs: 60_000 });

/**
 * A call page was opened, perhaps through a promotion link. Everything is checked before anything is
 * written. An unknown promotion is a 404, one of another call a 400: the page sends back exactly what its
 * link carried, so either means a broken or forged link.
 *
 * Reach cannot be faked: a view through a promotion counts once per viewer per call per 24 hours, where the
 * viewer is the organisation when signed in, else the signed visitor cookie (`visitor`, undefined when the
 * request carried none: such a view is not counted). Repeated posts change nothing and still answer 204.
 */
export async function recordCallView(
  callId: string,
  promotionId: string | undefined,
  principal: Principal | undefined,
  visitor: string | undefined,
  client: string,
): Promise<void> {
  viewLimiter.take(client);
  assertVisible(await getCall(callId), principal);
  const promotion = promotionId ? await getPromotion(promotionId) : undefined;
  if (promotionId && !promotion) throw notFound('No promotion with that id.');
  if (promotion && promotion.callId !== callId) {
    throw badRequest('The promotion is for another call.', [{ path: 'promotionId', message: 'Promotion of another call' }]);
  }

  const at = now();
  let memberViewer = false;
  if (principal?.role === 'company') {
    const previous = await touchCallViewer(callId, principal.orgId, at.toISOString());
    // The company's first opening since the promotion, through its link, by a member: counted once.
    if (promotion && (previous === undefined || previous < promotion.promotedAt)) {
      memberViewer = (await getMembership(promotion.associationId, principal.orgId))?.status === 'accepted';
    }
  }
  if (!promotion) return;
  const viewer = principal ? `org:${principal.orgId}` : visitor ? `visitor:${visitor}` : undefined;
  if (!viewer || !(await claimCountedView(callId, viewer, at, VIEW_WINDOW_MS))) return;
  if (!(await addPromotionView(promotion.id, callId, memberViewer))) throw notFound('No promotion with that id.');
}
