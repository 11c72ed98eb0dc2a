import { ulid } from 'ulid';
import type * as z from 'zod/mini';
import type { Promotion, promotionInputSchema } from '../../shared/schemas/associations.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall } from '../data/calls.js';
import { insertPromotion, type PromotionRecord } from '../data/associations.js';
import { assertVisible } from '../calls/view.js';
import { assertStaff, requireAssociation } from './access.js';
import { promotionView } from './view.js';

/**
 * Staff of an association point their members to an open call with a short note. A draft is a 404
 * (it does not exist for them); a closed or cancelled call is a 409: nobody could answer it any more.
 */
export async function promoteCall(associationId: string, input: z.infer<typeof promotionInputSchema>, principal: Principal): Promise<Promotion> {
  assertStaff(associationId, principal, 'promote calls to its members');
  const association = await requireAssociation(associationId);
  const call = assertVisible(await getCall(input.callId), principal);
  const at = now();
  const status = effectiveStatus(call.status, call.deadline, at);
  if (status !== 'open') throw conflict(`Only open calls can be promoted; this call is ${status}.`);
  const record: PromotionRecord = {
    id: ulid(at.getTime()),
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
  await insertPromotion(record);
  return promotionView(record, call);
}
