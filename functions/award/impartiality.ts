import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { conflict, forbidden } from '../core/errors.js';
import { getCall } from '../data/calls.js';
import { getImpartiality, listImpartiality, putImpartiality, type ImpartialityRecord } from '../data/award.js';
import { listProposalsForCall } from '../data/proposals.js';
import { assertOwned } from '../calls/view.js';
import { event } from './record.js';

const view = ({ orgId, ...r }: ImpartialityRecord) => (void orgId, r);

/**
 * Each user of the owning municipality declares, once the deadline has passed and before reading any answer,
 * whether they are impartial towards the companies that answered (forvaltningsloven § 6, anskaffelsesforskriften § 7-5).
 * A declaration is final: 409 on a second one.
 */
export async function declareImpartiality(callId: string, input: { impartial: boolean; reason?: string }, principal: Principal) {
  const call = assertOwned(await getCall(callId), principal);
  const at = now();
  if (at.getTime() < Date.parse(call.deadline)) throw conflict('Impartiality is declared after the deadline, when it is known who answered.');
  const record: ImpartialityRecord = {
    callId,
    userId: principal.userId,
    userName: principal.name,
    orgId: principal.orgId,
    impartial: input.impartial,
    ...(input.impartial ? {} : { reason: input.reason }),
    declaredAt: at.toISOString(),
  };
  if (!(await putImpartiality(record))) {
    const existing = await getImpartiality(callId, principal.userId);
    throw conflict(
      `You declared ${existing?.impartial ? 'impartiality' : 'that you are not impartial'} for this call at ${existing?.declaredAt}; a declaration cannot be changed.`,
    );
  }
  await event(
    callId,
    'impartiality',
    record.declaredAt,
    principal,
    { impartial: record.impartial, ...(record.reason ? { reason: record.reason } : {}) },
    `impartiality-${principal.userId}`,
  );
  return view(record);
}

/** The declarations made so far, and (after the deadline) the names of the companies that answered, to declare against. */
export async function listDeclarations(callId: string, principal: Principal) {
  const call = assertOwned(await getCall(callId), principal);
  if (principal.role !== 'municipality') throw forbidden('Only the owning municipality sees the declarations.');
  const at = now();
  const participants =
    at.getTime() < Date.parse(call.deadline) ? [] : (await listProposalsForCall(callId)).map((p) => ({ orgNumber: p.orgNumber, name: p.companyName }));
  const items = (await listImpartiality(callId)).map(view);
  return { items, participants, mine: items.find((d) => d.userId === principal.userId) ?? null };
}
