import { badRequest, conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { transition } from './transition.js';
import { criteriaProblems } from '../../shared/domain/procedure.js';
import { recordCallChange } from '../award/record.js';

/** draft → open. The deadline must still lie ahead: a call nobody could answer is not published. */
export function publishCall(id: string, principal: Principal) {
  return transition(
    id,
    principal,
    ['draft'],
    (call, at) => {
      if (call.status !== 'draft') {
        throw conflict(`Only drafts can be published; this call is ${effectiveStatus(call.status, call.deadline, at)}.`);
      }
      if (Date.parse(call.deadline) <= at.getTime()) {
        throw badRequest('The deadline has passed; move it into the future before publishing.', [
          { path: 'deadline', message: 'Deadline is in the past' },
        ]);
      }
      // award issue: competitions publish weighted criteria and meet the climate rule (§ 7-9); market dialogue has none.
      const problems = criteriaProblems(call.procedure, call.awardCriteria, call.climateRequirements);
      if (problems.length) throw badRequest(`The call cannot be published: ${problems.map((p) => p.message).join('; ')}.`, problems);
    },
    // The contact suppliers see: the call's own, else the publishing user's name and e-mail.
    (call, stamp) => ({
      status: 'open',
      publishedAt: stamp,
      ...(call.contact || !principal.email ? {} : { contact: { name: principal.name, email: principal.email } }),
    }),
  ).then(async (call) => {
    await recordCallChange(call.id, 'published', principal);
    return call;
  });
}
