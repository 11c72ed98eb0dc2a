import { badRequest, conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { criteriaProblems } from '../../shared/domain/procedure.js';
import { deadlineProblem } from '../../shared/domain/call-changes.js';
import { recordCallChange } from '../award/record.js';
import { transition } from './transition.js';
import { freeDraftSlot } from './draft-cap.js';

/**
 * draft → open. The deadline must lie ahead (at most two years), competitions must publish weighted criteria
 * that meet the climate rule (§ 7-9), and the call names a contact (the publishing user's when it has none).
 */
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
        throw badRequest('The deadline has passed; move it into the future before publishing.', [{ path: 'deadline', message: 'Deadline is in the past' }]);
      }
      if (why === 'too-far') {
        throw badRequest('The deadline may be at most two years ahead; move it closer before publishing.', [
          { path: 'deadline', message: 'Deadline more than two years ahead' },
        ]);
      }
      // Competitions publish weighted criteria and meet the climate rule (§ 7-9); market dialogue has none.
      const problems = criteriaProblems(call.procedure, call.awardCriteria, call.climateRequirements);
      if (problems.length) throw badRequest(`The call cannot be published: ${problems.map((p) => p.message).join('; ')}.`, problems);
    },
    // The contact suppliers see: the call's own, else the publishing user's name and e-mail.
    (call, stamp) => ({
      status: 'open',
      publishedAt: stamp,
      ...(call.contact || !principal.email ? {} : { contact: { name: principal.name, email: principal.email } }),
    }),
  );
  await freeDraftSlot(call.municipalityCode);
  await recordCallChange(call.id, 'published', principal);
  return call;
}
