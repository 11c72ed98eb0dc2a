import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { getCall } from '../data/calls.js';
import { notifyStakeholdersSafely } from '../notices/notify-stakeholders.js';
import { transition } from './transition.js';

/**
 * Cancels a call in any phase until its contract is signed (draft, open, or closed while proposals are evaluated;
 * the award phases will add their own stop), with a reason everyone with a stake is told. A published call that is
 * cancelled stays in the feeds for 30 days, marked AVLYST.
 */
export async function cancelCall(id: string, reason: string, principal: Principal) {
  const call = await transition(
    id,
    principal,
    ['draft', 'open'],
    (current) => {
      if (current.status === 'cancelled') throw conflict('The call is already cancelled.');
    },
    (_call, stamp) => ({ status: 'cancelled', cancelledAt: stamp, cancelReason: reason }),
  );
  if (call.publishedAt) {
    const record = await getCall(id);
    if (record) await notifyStakeholdersSafely({ kind: 'cancellation', id: `cancel:${id}`, call: record, reason });
  }
  return call;
}
