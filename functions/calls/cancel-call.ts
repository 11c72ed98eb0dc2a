import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { getCall } from '../data/calls.js';
import { notifyStakeholdersSafely } from '../notices/notify-stakeholders.js';
import { notifyCancellation } from '../award/decisions.js';
import { transition } from './transition.js';
import { freeDraftSlot } from './draft-cap.js';

/**
 * Cancels a call in any phase until its contract is signed (draft, open, or closed while answers are evaluated),
 * with a reason everyone with a stake is told, and a letter to every company that answered. A published call that
 * is cancelled stays in the feeds for 30 days, marked AVLYST. A cancelled draft gives back its draft slot.
 */
export async function cancelCall(id: string, reason: string, principal: Principal) {
  let wasDraft = false;
  const call = await transition(
    id,
    principal,
    ['draft', 'open'],
    (current) => {
      if (current.status === 'cancelled') throw conflict('The call is already cancelled.');
      if (current.contract) throw conflict('The contract is signed; a contracted call can no longer be cancelled.');
    },
    (current, stamp) => {
      // The change of the attempt that succeeds is computed last.
      wasDraft = current.status === 'draft';
      return { status: 'cancelled', cancelledAt: stamp, cancelReason: reason };
    },
  );
  if (wasDraft) await freeDraftSlot(call.municipalityCode);
  if (call.publishedAt) {
    const record = await getCall(id);
    if (record) await notifyStakeholdersSafely({ kind: 'cancellation', id: `cancel:${id}`, call: record, reason });
    // Everyone who sent an answer gets a letter too, recorded in the procurement record (award path).
    await notifyCancellation(id, reason, principal);
  }
  return call;
}
