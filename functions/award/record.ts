/**
 * Writes the procurement record (anskaffelsesprotokoll): one event item per step, and a stored copy of every
 * version of the call that this use cases produce. Event ids are deterministic, so a retry repeats nothing.
 */
import type { Principal } from '../core/principal.js';
import { audit } from '../core/logger.js';
import { getCall } from '../data/calls.js';
import { putCallVersion, recordEvent } from '../data/award.js';

export const actorOf = (p: Principal) => ({ userId: p.userId, orgId: p.orgId, role: p.role, name: p.name });

export async function event(
  callId: string,
  type: string,
  at: string,
  principal: Principal | undefined,
  data: Record<string, unknown> = {},
  eventId = `${type}-${at}`,
): Promise<void> {
  await recordEvent({ callId, eventId, type, at, ...(principal ? { actor: actorOf(principal) } : {}), data });
  audit(`call.${type}`, { callId, at, ...(principal ? { userId: principal.userId, orgId: principal.orgId } : {}) });
}

/** After a change to the call item: keep that version for the archive and record the event. */
export async function recordCallChange(callId: string, type: string, principal: Principal, data: Record<string, unknown> = {}): Promise<void> {
  const call = await getCall(callId);
  if (!call) return;
  await putCallVersion(callId, call.version, call);
  await event(callId, type, call.updatedAt, principal, { version: call.version, ...data }, `${type}-v${call.version}`);
}
