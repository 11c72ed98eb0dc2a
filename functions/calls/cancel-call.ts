import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { transition } from './transition.js';
import { freeDraftSlot } from './draft-cap.js';

/** open or draft → cancelled. A closed call has proposals under evaluation and stays as it is. */
export async function cancelCall(id: string, principal: Principal) {
  let wasDraft = false;
  const call = await transition(
    id,
    principal,
    ['draft', 'open'],
    (call, at) => {
      const status = effectiveStatus(call.status, call.deadline, at);
      if (status !== 'draft' && status !== 'open') throw conflict(`Only open or draft calls can be cancelled; this call is ${status}.`);
    },
    (current, stamp) => {
      // The change of the attempt that succeeds is computed last.
      wasDraft = current.status === 'draft';
      return { status: 'cancelled', cancelledAt: stamp };
    },
  );
  if (wasDraft) await freeDraftSlot(call.municipalityCode);
  return call;
}
