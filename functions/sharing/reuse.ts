import { ulid } from 'ulid';
import type { Call } from '../../shared/schemas/calls.js';
import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall, getCalls, insertCall, type CallRecord } from '../data/calls.js';
import { insertReuse, listReuses as readReuses } from '../data/sharing.js';
import { assertVisible, callView } from '../calls/view.js';
import { defaultDeadline } from './deadline.js';
import { nameOf } from './views.js';

/** A call as the API shows it, with the name of the municipality it was derived from. */
export function withProvenance(call: Call): Call {
  return call.derivedFrom ? { ...call, derivedFrom: { ...call.derivedFrom, municipalityName: nameOf(call.derivedFrom.municipalityCode) } } : call;
}

/**
 * Copies a published call (open, closed or cancelled after publishing) into the caller's municipality as
 * a new draft with a fresh deadline, remembering where it came from. Reusing one's own call is allowed:
 * it is the usual way to run a call again. Two writes (the new call, then the reuse record under the
 * original), each conditional; if the second fails the draft still carries its derivedFrom.
 */
export async function reuseCall(id: string, principal: Principal): Promise<Call> {
  const original = assertVisible(await getCall(id), principal);
  if (!original.publishedAt) throw conflict('Only published calls can be reused; this call was never published.');
  const at = now();
  const stamp = at.toISOString();
  const record: CallRecord = {
    id: ulid(at.getTime()),
    municipalityCode: principal.orgId,
    title: original.title,
    summary: original.summary,
    description: original.description,
    domains: [...original.domains],
    cpvCodes: [...original.cpvCodes],
    ...(original.budgetNok ? { budgetNok: { ...original.budgetNok } } : {}),
    procedure: original.procedure,
    // award issue: the published criteria travel with the call (they are checked again at publication).
    ...(original.awardCriteria ? { awardCriteria: original.awardCriteria.map((c) => ({ ...c })) } : {}),
    ...(original.climateRequirements ? { climateRequirements: { ...original.climateRequirements } } : {}),
    deadline: defaultDeadline(at),
    status: 'draft',
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    createdBy: principal.userId,
    derivedFrom: { callId: original.id, municipalityCode: original.municipalityCode, title: original.title },
  };
  await insertCall(record);
  await insertReuse({ originalId: original.id, callId: record.id, municipalityCode: principal.orgId, reusedAt: stamp, reusedBy: principal.userId });
  return withProvenance(callView(record, at));
}

/** Public: how often and by whom a call was reused. A reusing call is linked only once it is published. */
export async function listReuses(id: string) {
  assertVisible(await getCall(id), undefined);
  const reuses = await readReuses(id);
  const calls = await getCalls(reuses.map((r) => r.callId));
  return {
    count: reuses.length,
    items: reuses.map((r) => ({
      municipalityCode: r.municipalityCode,
      municipalityName: nameOf(r.municipalityCode),
      reusedAt: r.reusedAt,
      ...(calls.get(r.callId)?.publishedAt ? { callId: r.callId } : {}),
    })),
  };
}
