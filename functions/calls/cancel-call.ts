import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { transition } from './transition.js';

/** open or draft → cancelled. A closed call has proposals under evaluation and stays as it is. */
export function cancelCall(id: string, principal: Principal) {
  return transition(
    id,
    principal,
    ['draft', 'open'],
    (call, at) => {
      const status = effectiveStatus(call.status, call.deadline, at);
      if (status !== 'draft' && status !== 'open') throw conflict(`Only open or draft calls can be cancelled; this call is ${status}.`);
    },
    (_call, stamp) => ({ status: 'cancelled', cancelledAt: stamp }),
  );
}
