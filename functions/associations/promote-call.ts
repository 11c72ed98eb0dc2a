import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type * as z from 'zod/mini';
import type { Promotion, promotionInputSchema } from '../../shared/schemas/associations.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall } from '../data/calls.js';
import { insertPromotion, listCallPromotions, updatePromotionNote, type PromotionRecord } from '../data/associations.js';
import { assertVisible } from '../calls/view.js';
import { assertStaff, requireAssociation } from './access.js';
import { promotionView } from './view.js';

/**
 * The one promotion id of (association, call): a ULID-shaped string derived from both, so concurrent
 * promotions of the same call by the same association meet on one item (a conditional Put decides).
 */
export function promotionIdOf(associationId: string, callId: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const digest = createHash('sha256').update(`promotion:${associationId}:${callId}`).digest();
  return 'P' + Array.from(digest.subarray(0, 25), (b) => alphabet[b & 31]).join('');
}

/**
 * Staff of an association point their members to an open call with a short note. A draft is a 404
 * (it does not exist for them); a closed or cancelled call is a 409: nobody could answer it any more.
 * One promotion per (association, call): promoting again changes the note (200), never adds a second
 * entry to members' feeds, however many requests race.
 */
export async function promoteCall(
  associationId: string,
  input: z.infer<typeof promotionInputSchema>,
  principal: Principal,
): Promise<{ promotion: Promotion; created: boolean }> {
  assertStaff(associationId, principal, 'promote calls to its members');
  const association = await requireAssociation(associationId);
  const call = assertVisible(await getCall(input.callId), principal);
  const at = now();
  const status = effectiveStatus(call.status, call.deadline, at);
  if (status !== 'open') throw conflict(`Only open calls can be promoted; this call is ${status}.`);

  // A promotion from before ids were derived (seeded data) is found through the call's promotions.
  const legacy = (await listCallPromotions(call.id)).find((p) => p.associationId === associationId);
  const id = legacy?.id ?? promotionIdOf(associationId, call.id);
  if (!legacy) {
    const record: PromotionRecord = {
      id,
      associationId,
      associationName: association.name,
      callId: call.id,
      callTitle: call.title,
      municipalityCode: call.municipalityCode,
      callDeadline: call.deadline,
      note: input.note,
      promotedAt: at.toISOString(),
      promotedBy: principal.userId,
      views: 0,
      memberViewers: 0,
    };
    if (await insertPromotion(record)) return { promotion: promotionView(record, call), created: true };
  }
  const updated = await updatePromotionNote(id, input.note, at.toISOString(), principal.userId);
  if (!updated) throw new Error(`promotion ${id} vanished while its note was updated`);
  return { promotion: promotionView(updated, call), created: false };
}

/** Kept for seeds and tests that need a fresh id. */
export const newPromotionId = (at: Date) => ulid(at.getTime());
