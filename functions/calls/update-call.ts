import { callInputSchema, type Call, type CallPatch } from '../../shared/schemas/calls.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import {
  CHANGE_NOTE_MAX,
  CHANGE_NOTE_MIN,
  RECORDED_CALL_FIELDS,
  deadlineProblem,
  earliestDeadlineAfterCorrection,
  latestDeadline,
} from '../../shared/domain/call-changes.js';
import { badRequest, conflict, problem } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall, replaceCall, type CallRecord } from '../data/calls.js';
import { putCallChange, type CallChangeRecord } from '../data/call-changes.js';
import { fieldErrors } from '../core/middleware/validate-input.js';
import { assertOwned, callView } from './view.js';
import { etag, normaliseCall, parseIfMatch } from './rules.js';
import { notifyCorrection } from '../notices/notify-correction.js';
import { recordCallChange } from '../award/record.js';

export interface CallUpdate {
  call: Call;
  /** Set when a published call was corrected: what a notice to companies needs. */
  change?: CallChangeRecord;
}

type ChangeListener = (change: CallChangeRecord, call: Call) => Promise<void> | void;
const listeners: ChangeListener[] = [];

/**
 * Hook point for whoever tells stakeholders about a correction (the call-lifecycle notices): called after
 * the change is durably recorded. A failing listener is logged by the caller's error path, never undone.
 */
export function onCallCorrected(listener: ChangeListener): () => void {
  listeners.push(listener);
  return () => void listeners.splice(listeners.indexOf(listener), 1);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes a call. Optimistic concurrency: the client proves which version it edited (If-Match) and the
 * write is conditional on that version, so two editors never silently overwrite each other.
 *
 * A published (open) call changes only forward: every PATCH needs a `changeNote`; the deadline may move
 * later, never earlier (409 deadline-shortened); a correction of anything but the deadline less than six
 * days before the deadline must also move the deadline so six days remain (409 deadline-too-close); and
 * each change is recorded (who, when, why, each field before and after) in the call's change log.
 */
export async function updateCall(id: string, patch: CallPatch, ifMatch: string | undefined, principal: Principal): Promise<CallUpdate> {
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
  const published = status === 'open';

  const { changeNote, ...fieldsPatch } = patch;
  if (published && changeNote === undefined) {
    throw badRequest(
      `A published call is changed only with a changeNote (${CHANGE_NOTE_MIN}–${CHANGE_NOTE_MAX} characters) telling companies what changed and why.`,
      [{ path: 'changeNote', message: 'Required for a published call' }],
    );
  }

  // Only the editable fields are re-validated; identity, status and provenance (derivedFrom) stay as stored.
  const fields = Object.fromEntries(Object.keys(callInputSchema.shape).map((k) => [k, current[k as keyof typeof current]]));
  const merged = callInputSchema.safeParse({ ...fields, ...fieldsPatch });
  if (!merged.success) throw badRequest('The change would make the call invalid.', fieldErrors(merged.error.issues));
  const next = normaliseCall(merged.data);
  if (fieldsPatch.deadline !== undefined && next.deadline !== current.deadline) {
    const why = deadlineProblem(next.deadline, at);
    if (why === 'past') throw badRequest('The deadline must be in the future.', [{ path: 'deadline', message: 'Deadline is in the past' }]);
    if (why === 'too-far') {
      throw badRequest(`The deadline may be at most two years ahead (${latestDeadline(at).toISOString()}).`, [
        { path: 'deadline', message: 'Deadline more than two years ahead' },
      ]);
    }
  }

  const changed = RECORDED_CALL_FIELDS.filter((name) => !same(current[name], next[name]));
  let change: CallChangeRecord | undefined;
  if (published) {
    if (Date.parse(next.deadline) < Date.parse(current.deadline)) {
      throw conflict(`A published call's deadline may move later, never earlier: companies plan for ${current.deadline}.`, 'deadline-shortened');
    }
    const earliest = earliestDeadlineAfterCorrection(at);
    if (changed.some((f) => f !== 'deadline') && Date.parse(next.deadline) < earliest.getTime()) {
      throw problem(
        409,
        `A correction less than six days before the deadline must move the deadline so six days remain: ` +
          `set the deadline to ${earliest.toISOString()} or later.`,
        { type: 'deadline-too-close', params: { earliest: earliest.toISOString() } },
      );
    }
    if (changed.length === 0) return { call: callView(current, at) };
    change = {
      callId: current.id,
      version: current.version + 1,
      changedAt: at.toISOString(),
      changedBy: principal.userId,
      note: changeNote!,
      fields: changed.map((name) => ({ name, before: current[name] ?? null, after: next[name] ?? null })),
    };
    // The previous correction lives on the call item until now; make sure its log item exists first.
    if (current.lastChange) await putCallChange(current.lastChange);
  }

  const record: CallRecord = {
    ...current,
    ...next,
    version: current.version + 1,
    updatedAt: at.toISOString(),
    ...(change ? { lastChange: change, lastChangedAt: change.changedAt, changeCount: (current.changeCount ?? 0) + 1 } : {}),
  };
  if (!(await replaceCall(record, current.version, ['draft', 'open']))) {
    throw problem(412, 'The call was changed by someone else at the same moment. Reload and try again.');
  }
  const view = callView(record, at);
  if (change) {
    await putCallChange(change);
    for (const listener of listeners) await listener(change, view);
    // The procurement record keeps every published version and the correction (award path).
    await recordCallChange(record.id, 'corrected', principal, { note: change.note, fields: change.fields.map((f) => f.name) });
  }
  // Everyone with a stake is told once per correction (functions/notices/notify-correction.ts).
  await notifyCorrection(current, record, (patch as { changeNote?: string }).changeNote);
  return { call: view, change };
}
