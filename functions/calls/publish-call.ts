import { badRequest, conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { transition } from './transition.js';
import { freeDraftSlot } from './draft-cap.js';
import { deadlineProblem } from '../../shared/domain/call-changes.js';

/** draft → open. The deadline must still lie ahead: a call nobody could answer is not published. */
export async function publishCall(id: string, principal: Principal) {
  const call = await transition(
    id,
    principal,
    ['draft'],
    (call, at) => {
      if (call.status !== 'draft') {
        throw conflict(`Only drafts can be published; this call is ${effectiveStatus(call.status, call.deadline, at)}.`);
      }
      const why = deadlineProblem(call.deadline, at);
      if (why === 'past') {
        throw badRequest('The deadline has passed; move it into the future before publishing.', [
          { path: 'deadline', message: 'Deadline is in the past' },
        ]);
      }
      if (why === 'too-far') {
        throw badRequest('The deadline may be at most two years ahead; move it closer before publishing.', [
          { path: 'deadline', message: 'Deadline more than two years ahead' },
        ]);
      }
    },
    (_call, stamp) => ({ status: 'open', publishedAt: stamp }),
  );
  await freeDraftSlot(call.municipalityCode);
  return call;
}
