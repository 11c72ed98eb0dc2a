import { ulid } from 'ulid';
import type { Call } from '../../shared/schemas/calls.js';
import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall, getCalls, insertCall, type CallRecord } from '../data/calls.js';
import { claimReuse, insertReuse, listReuses as readReuses, releaseReuse } from '../data/sharing.js';
import { withDraftSlot } from '../calls/draft-cap.js';
import { assertVisible, callView } from '../calls/view.js';
import { reusedDraft } from './reused-draft.js';
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
export async function reuseCall(id: string, principal: Principal): Promise<{ call: Call; created: boolean }> {
  const original = assertVisible(await getCall(id), principal);
  if (!original.publishedAt) throw conflict('Only published calls can be reused; this call was never published.');
  const at = now();
  const stamp = at.toISOString();
  const newId = ulid(at.getTime());
  // Idempotent per (municipality, original) for an hour: a retry or a double click gets the same draft.
  const earlier = await claimReuse(original.id, principal.orgId, newId, at, REUSE_WINDOW_MS);
  if (earlier) return { call: await waitForDraft(earlier, principal, at), created: false };
  const record = reusedDraft(original, { id: newId, municipalityCode: principal.orgId, at, createdBy: principal.userId });
  try {
    await withDraftSlot(principal.orgId, () => insertCall(record));
  } catch (e) {
    await releaseReuse(original.id, principal.orgId, newId);
    throw e;
  }
  await insertReuse({ originalId: original.id, callId: record.id, municipalityCode: principal.orgId, reusedAt: stamp, reusedBy: principal.userId });
  return { call: withProvenance(callView(record, at)), created: true };
}

/** A reuse counts once per (municipality, original call) within this window. */
export const REUSE_WINDOW_MS = 3_600_000;

/** The draft a concurrent reuse is writing: it appears within milliseconds of its claim. */
async function waitForDraft(callId: string, principal: Principal, at: Date): Promise<Call> {
  for (let i = 0; i < 50; i++) {
    const call = await getCall(callId);
    if (call) return withProvenance(callView(assertVisible(call, principal), at));
    await new Promise((r) => setTimeout(r, 20));
  }
  throw conflict('The same reuse is being made by another request; reload your drafts in a moment.');
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
