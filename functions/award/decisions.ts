/**
 * The decisions after the deadline: selection (two-stage procedures), award with standstill, withdrawal of an
 * award, and the contract. Each is one conditional write on the call item (its version), followed by letters and
 * events that a retry completes (letters.ts, record.ts).
 */
import { DEFAULT_STANDSTILL_DAYS, MIN_TENDER_DAYS, isTwoStage, standstillEnd, standstillOver, tenderDeadlineProblem } from '../../shared/domain/procedure.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { badRequest, conflict, forbidden, notFound, problem } from '../core/errors.js';
import { getCall, replaceCall, type CallRecord } from '../data/calls.js';
import { listLetters, putCallVersion, type AwardDecision, type LetterRecord, type SelectionDecision } from '../data/award.js';
import { listProposalsForCall } from '../data/proposals.js';
import { assertOwned, assertVisible, callView, isOwnMunicipality, phaseOf } from '../calls/view.js';
import { assertMayReadAnswers } from './access.js';
import { buildEvaluationTable } from './evaluate.js';
import {
  awardLetters,
  cancellationLetters,
  deliverPending,
  newDecisionId,
  selectionLetters,
  sendLetters,
  withdrawalLetters,
  type LetterDraft,
} from './letters.js';
import { event } from './record.js';

/** Replace the call with `change` applied, conditional on the version read; re-read and re-check on a race. */
async function decide(
  id: string,
  principal: Principal,
  check: (call: CallRecord, at: Date) => Promise<void> | void,
  change: (call: CallRecord, stamp: string) => Partial<CallRecord>,
): Promise<{ before: CallRecord; after: CallRecord; at: Date }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = assertOwned(await getCall(id), principal);
    const at = now();
    await check(before, at);
    const stamp = at.toISOString();
    const after: CallRecord = { ...before, ...change(before, stamp), version: before.version + 1, updatedAt: stamp };
    if (await replaceCall(after, before.version, ['open'])) {
      await putCallVersion(id, after.version, after);
      return { before, after, at };
    }
  }
  throw new Error(`call ${id} kept changing during a decision`);
}

// ─── Selection ───────────────────────────────────────────────────────────────────────────────────────────
export async function selectCompanies(id: string, input: { selected: string[]; reasons: string; tenderDeadline: string }, principal: Principal) {
  const pre = assertOwned(await getCall(id), principal);
  if (!isTwoStage(pre.procedure)) throw conflict('Only competitive negotiation and innovation partnership select companies before tendering.');
  const requests = await listProposalsForCall(id, 'request');
  const unknown = input.selected.filter((o) => !requests.some((r) => r.orgNumber === o));
  if (unknown.length)
    throw badRequest(`Only companies that asked to take part can be selected: ${unknown.join(', ')} did not.`, [
      { path: 'selected', message: 'Not a requester' },
    ]);
  const tenderDeadline = new Date(input.tenderDeadline).toISOString();
  const { after, at } = await decide(
    id,
    principal,
    async (call, at) => {
      await assertMayReadAnswers(call, principal, at, 'request');
      const phase = phaseOf(call, at);
      if (phase !== 'selection') throw conflict(`Selection happens after the request deadline, once; this call is ${phase}.`);
      const tooSoon = tenderDeadlineProblem(tenderDeadline, at);
      if (tooSoon) {
        const earliest = new Date(at.getTime() + MIN_TENDER_DAYS * 86_400_000).toISOString();
        throw problem(400, `${tooSoon}: ${earliest} at the earliest.`, {
          type: 'tender-deadline-too-soon',
          params: { earliest },
          errors: [{ path: 'tenderDeadline', message: tooSoon }],
        });
      }
    },
    (_call, stamp) => ({
      selection: {
        id: newDecisionId(),
        selected: input.selected,
        reasons: input.reasons,
        tenderDeadline,
        decidedAt: stamp,
        decidedBy: principal.userId,
        requesters: requests.map((r) => ({ orgNumber: r.orgNumber, name: r.companyName })),
      } satisfies SelectionDecision,
    }),
  );
  const s = after.selection!;
  await event(
    id,
    'selection',
    s.decidedAt,
    principal,
    { selected: s.selected, requesters: s.requesters.length, tenderDeadline: s.tenderDeadline, reasons: s.reasons },
    `selection-${s.id}`,
  );
  await sendLetters(after, s.id, 'selection', selectionLetters(after, s), s.decidedAt);
  return callView(after, at);
}

// ─── Award ───────────────────────────────────────────────────────────────────────────────────────────────
async function awardDraft(call: CallRecord, input: { winners: string[]; reasons: string; standstillDays?: number }, principal: Principal, at: Date) {
  const table = await buildEvaluationTable(call);
  if (table.items.length === 0) throw conflict('There are no tenders to award.');
  const missing = table.items.filter((i) => !i.complete);
  if (missing.length) throw conflict(`Every tender must be evaluated first; not yet: ${missing.map((m) => m.name).join(', ')}.`);
  const unknown = input.winners.filter((w) => !table.items.some((i) => i.orgNumber === w));
  if (unknown.length) throw badRequest(`Winners must have sent a tender: ${unknown.join(', ')} did not.`, [{ path: 'winners', message: 'Not a tenderer' }]);
  const days = input.standstillDays ?? DEFAULT_STANDSTILL_DAYS;
  const stamp = at.toISOString();
  const decision: AwardDecision = {
    id: newDecisionId(),
    winners: input.winners,
    reasons: input.reasons,
    decidedAt: stamp,
    decidedBy: principal.userId,
    standstillDays: days,
    standstillEndsAt: standstillEnd(stamp, days),
    snapshot: {
      criteria: table.criteria.map(({ id, name, kind, weight }) => ({ id, name, kind, weight })),
      items: table.items.map(({ orgNumber, name, priceNok, scores, weighted, total, rank }) => ({
        orgNumber,
        name,
        ...(priceNok !== undefined ? { priceNok } : {}),
        scores,
        weighted,
        total,
        rank,
      })),
    },
  };
  return decision;
}

async function checkAwardable(call: CallRecord, principal: Principal, at: Date) {
  await assertMayReadAnswers(call, principal, at, isTwoStage(call.procedure) ? 'tender' : 'request', 'evaluations');
  const phase = phaseOf(call, at);
  if (phase !== 'evaluation') throw conflict(`An award is decided in the evaluation phase; this call is ${phase}.`);
}

/** The letters as they would go out, without deciding anything (the owner's preview). */
export async function previewAward(
  id: string,
  input: { winners: string[]; reasons: string; standstillDays?: number },
  principal: Principal,
): Promise<{ letters: LetterDraft[] }> {
  const call = assertOwned(await getCall(id), principal);
  const at = now();
  await checkAwardable(call, principal, at);
  return { letters: awardLetters(call, await awardDraft(call, input, principal, at)) };
}

export async function awardContract(id: string, input: { winners: string[]; reasons: string; standstillDays?: number }, principal: Principal) {
  let decision: AwardDecision | undefined;
  const { after, at } = await decide(
    id,
    principal,
    async (call, at) => {
      await checkAwardable(call, principal, at);
      decision = await awardDraft(call, input, principal, at);
    },
    () => ({ award: decision }),
  );
  const d = after.award!;
  await event(
    id,
    'award',
    d.decidedAt,
    principal,
    {
      winners: d.winners,
      reasons: d.reasons,
      standstillEndsAt: d.standstillEndsAt,
      totals: d.snapshot.items.map((i) => ({ orgNumber: i.orgNumber, total: i.total, rank: i.rank })),
    },
    `award-${d.id}`,
  );
  await event(id, 'standstill-end', d.standstillEndsAt, undefined, { decisionId: d.id }, `standstill-end-${d.id}`);
  await sendLetters(after, d.id, 'award', awardLetters(after, d), d.decidedAt);
  return { call: callView(after, at), decision: decisionView(after, d, await listLetters(id)) };
}

export async function withdrawAward(id: string, input: { reason: string }, principal: Principal) {
  const { before, after, at } = await decide(
    id,
    principal,
    (call, at) => {
      if (!call.award || phaseOf(call, at) !== 'standstill') throw conflict('Only an award decision in its standstill (before a contract) can be withdrawn.');
    },
    (call, stamp) => ({
      award: undefined,
      withdrawnAwards: [...(call.withdrawnAwards ?? []), { ...call.award!, withdrawnAt: stamp, withdrawnBy: principal.userId, withdrawReason: input.reason }],
    }),
  );
  const w = after.withdrawnAwards!.at(-1)!;
  void before;
  await event(id, 'award-withdrawn', w.withdrawnAt!, principal, { decisionId: w.id, reason: input.reason }, `award-withdrawn-${w.id}`);
  await sendLetters(after, `${w.id}-withdrawn`, 'withdrawal', withdrawalLetters(after, w), w.withdrawnAt!);
  return callView(after, at);
}

export async function recordContract(id: string, input: { signedAt: string; valueNok: number; durationMonths?: number }, principal: Principal) {
  const { after, at } = await decide(
    id,
    principal,
    (call, at) => {
      const phase = phaseOf(call, at);
      if (phase !== 'standstill' || !call.award) throw conflict(`A contract follows an award decision and its standstill; this call is ${phase}.`);
      if (!standstillOver(call.award, at)) throw conflict(`The standstill period runs until ${call.award.standstillEndsAt}; no contract before it ends.`);
      if (Date.parse(input.signedAt) < Date.parse(call.award.standstillEndsAt)) {
        throw badRequest('A contract cannot be signed before the standstill ends.', [{ path: 'signedAt', message: 'Before the end of the standstill' }]);
      }
      if (Date.parse(input.signedAt) > at.getTime()) throw badRequest('signedAt lies in the future.', [{ path: 'signedAt', message: 'In the future' }]);
    },
    (_call, stamp) => ({
      contract: {
        signedAt: new Date(input.signedAt).toISOString(),
        valueNok: input.valueNok,
        ...(input.durationMonths ? { durationMonths: input.durationMonths } : {}),
        recordedAt: stamp,
        recordedBy: principal.userId,
      },
    }),
  );
  await event(
    id,
    'contract',
    after.contract!.recordedAt,
    principal,
    { signedAt: after.contract!.signedAt, valueNok: after.contract!.valueNok, durationMonths: after.contract!.durationMonths, winners: after.award!.winners },
    `contract-${after.award!.id}`,
  );
  return callView(after, at);
}

// ─── Reading decisions and letters ───────────────────────────────────────────────────────────────────────
function decisionView(call: CallRecord, d: AwardDecision, letters: LetterRecord[]) {
  const name = (o: string) => d.snapshot.items.find((i) => i.orgNumber === o)?.name ?? o;
  return {
    id: d.id,
    kind: 'award' as const,
    decidedAt: d.decidedAt,
    reasons: d.reasons,
    standstillEndsAt: d.standstillEndsAt,
    winners: d.winners.map((o) => ({ orgNumber: o, name: name(o) })),
    ...(d.withdrawnAt ? { withdrawnAt: d.withdrawnAt, withdrawReason: d.withdrawReason } : {}),
    letters: letters
      .filter((l) => l.decisionId === d.id)
      .map((l) => ({ orgNumber: l.orgNumber, name: l.companyName, ...(l.sentAt ? { sentAt: l.sentAt } : {}) })),
  };
}

/** The owner's view of every decision on a call: selection, the award in force and withdrawn ones. */
export async function getDecisions(id: string, principal: Principal) {
  const call = assertOwned(await getCall(id), principal);
  await deliverPending(id);
  const letters = await listLetters(id);
  const items = [
    ...(call.selection
      ? [
          {
            id: call.selection.id,
            kind: 'selection' as const,
            decidedAt: call.selection.decidedAt,
            reasons: call.selection.reasons,
            tenderDeadline: call.selection.tenderDeadline,
            selected: call.selection.selected.map((o) => ({ orgNumber: o, name: call.selection!.requesters.find((r) => r.orgNumber === o)?.name ?? o })),
            letters: letters
              .filter((l) => l.decisionId === call.selection!.id)
              .map((l) => ({ orgNumber: l.orgNumber, name: l.companyName, ...(l.sentAt ? { sentAt: l.sentAt } : {}) })),
          },
        ]
      : []),
    ...(call.withdrawnAwards ?? []).map((d) => decisionView(call, d, letters)),
    ...(call.award ? [decisionView(call, call.award, letters)] : []),
  ];
  return { items };
}

const letterView = ({ eml, decisionId, ...l }: LetterRecord) => (void eml, void decisionId, l);

/** A company's letters on a call (all kinds), newest last; the owner sees every letter. */
export async function listCallLetters(id: string, principal: Principal) {
  const call = assertVisible(await getCall(id), principal);
  const owner = isOwnMunicipality(call, principal);
  if (!owner && principal.role !== 'company') throw forbidden('Letters go to the companies that took part and the owning municipality.');
  const letters = (await listLetters(id)).filter((l) => owner || l.orgNumber === principal.orgId);
  return { items: letters.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(letterView) };
}

/** The caller's company's letter for the award decision in force (or the latest withdrawn one). */
export async function getMyAwardLetter(id: string, principal: Principal) {
  const call = assertVisible(await getCall(id), principal);
  const decision = call.award ?? call.withdrawnAwards?.at(-1);
  if (!decision) throw notFound('There is no award decision on this call.');
  const letter = (await listLetters(id)).find((l) => l.decisionId === decision.id && l.orgNumber === principal.orgId);
  if (!letter) throw notFound('Your company has no award letter on this call.');
  return letterView(letter);
}

// ─── Cancellation (wired by cancel-call.ts on the open-phase branch) ─────────────────────────────────────
/**
 * After a call is cancelled: a letter to every company that answered (requests and tenders), with the reason, and
 * the event in the record. Idempotent (keyed by the cancellation time), so cancel-call.ts can simply call it after
 * its conditional write, and again on a retry.
 */
export async function notifyCancellation(callId: string, reason: string | undefined, principal: Principal): Promise<void> {
  const call = await getCall(callId);
  if (!call || call.status !== 'cancelled' || !call.cancelledAt) return;
  const answers = [...(await listProposalsForCall(callId, 'request')), ...(await listProposalsForCall(callId, 'tender'))];
  const participants = [...new Map(answers.map((a) => [a.orgNumber, { orgNumber: a.orgNumber, name: a.companyName }])).values()];
  await event(
    callId,
    'cancelled',
    call.cancelledAt,
    principal,
    { ...(reason ? { reason } : {}), participants: participants.length },
    `cancelled-${call.cancelledAt}`,
  );
  await sendLetters(
    call,
    `cancel-${call.cancelledAt.replace(/[^0-9]/g, '')}`,
    'cancellation',
    cancellationLetters(call, participants, reason),
    call.cancelledAt,
  );
}
