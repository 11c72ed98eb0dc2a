import { ulid } from 'ulid';
import type { Call, CallInput } from '../../shared/schemas/calls.js';
import { badRequest } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { insertCall, type CallRecord } from '../data/calls.js';
import { callView } from './view.js';
import { normaliseCall } from './rules.js';
import { withDraftSlot } from './draft-cap.js';
import { deadlineProblem, latestDeadline } from '../../shared/domain/call-changes.js';

/** A new call is always a draft of the caller's own municipality, whatever the body says. */
export async function createCall(input: CallInput, principal: Principal): Promise<Call> {
  const at = now();
  const fields = normaliseCall(input);
  const why = deadlineProblem(fields.deadline, at);
  if (why === 'past') throw badRequest('The deadline must be in the future.', [{ path: 'deadline', message: 'Deadline is in the past' }]);
  if (why === 'too-far') {
    throw badRequest(`The deadline may be at most two years ahead (${latestDeadline(at).toISOString()}).`, [
      { path: 'deadline', message: 'Deadline more than two years ahead' },
    ]);
  }
  const stamp = at.toISOString();
  const record: CallRecord = {
    ...fields,
    id: ulid(),
    municipalityCode: principal.orgId,
    status: 'draft',
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    createdBy: principal.userId,
  };
  await withDraftSlot(principal.orgId, () => insertCall(record));
  return callView(record, at);
}
