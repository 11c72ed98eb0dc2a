import { callInputSchema, type Call, type CallPatch } from '../../shared/schemas/calls.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { badRequest, conflict, problem } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall, replaceCall } from '../data/calls.js';
import { fieldErrors } from '../core/middleware/validate-input.js';
import { assertOwned, callView } from './view.js';
import { etag, normaliseCall, parseIfMatch } from './rules.js';
import { notifyCorrection } from '../notices/notify-correction.js'; // OPENPHASE

/**
 * Optimistic concurrency: the client proves which version it edited (If-Match) and the write is
 * conditional on that version, so two editors never silently overwrite each other.
 */
export async function updateCall(id: string, patch: CallPatch, ifMatch: string | undefined, principal: Principal): Promise<Call> {
  const current = assertOwned(await getCall(id), principal);
  const expected = parseIfMatch(ifMatch);
  if (expected === undefined) {
    throw problem(428, `Send If-Match with the version you edited (current ETag ${etag(current.version)}).`);
  }
  if (expected === 'invalid') throw badRequest('If-Match must be an ETag such as "3".', [{ path: 'If-Match', message: 'Not an ETag' }]);
  if (expected !== current.version) {
    throw problem(412, `The call has changed since version ${expected}; it is now version ${current.version}. Reload and try again.`);
  }
  const at = now();
  const status = effectiveStatus(current.status, current.deadline, at);
  if (status !== 'draft' && status !== 'open') throw conflict(`A ${status} call can no longer be changed.`);

  // Only the editable fields are re-validated; identity, status and provenance (derivedFrom) stay as stored.
  const fields = Object.fromEntries(Object.keys(callInputSchema.shape).map((k) => [k, current[k as keyof typeof current]]));
  const merged = callInputSchema.safeParse({ ...fields, ...patch });
  if (!merged.success) throw badRequest('The change would make the call invalid.', fieldErrors(merged.error.issues));
  const next = normaliseCall(merged.data);
  if (patch.deadline !== undefined && Date.parse(next.deadline) <= at.getTime()) {
    throw badRequest('The deadline must be in the future.', [{ path: 'deadline', message: 'Deadline is in the past' }]);
  }

  const record = { ...current, ...next, version: current.version + 1, updatedAt: at.toISOString() };
  if (!(await replaceCall(record, current.version, ['draft', 'open']))) {
    throw problem(412, 'The call was changed by someone else at the same moment. Reload and try again.');
  }
  await notifyCorrection(current, record, (patch as { changeNote?: string }).changeNote); // OPENPHASE: stakeholder notice (functions/notices/notify-correction.ts)
  return callView(record, at);
}
