import { effectiveStatus } from '../../shared/domain/call-status.js';
import { callPhase, type Phase, type PhaseState } from '../../shared/domain/procedure.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import { cpvLabelPairs } from '../../shared/domain/cpv.js';
import type { Call } from '../../shared/schemas/calls.js';
import type { Principal } from '../core/principal.js';
import type { CallRecord } from '../data/calls.js';
import { forbidden, notFound } from '../core/errors.js';
import { questionDeadlineOf } from '../../shared/domain/open-phase.js';

/** The public shape of a call: status and phase derived from the clock, municipality named, CPV codes labelled. */
export function callView(c: CallRecord, now: Date): Call {
  const { createdBy, id, selection, award, withdrawnAwards, contract, lastChange, ...rest } = c;
  void createdBy, withdrawnAwards, lastChange;
  return {
    id,
    ...rest,
    municipalityName: municipalityName(c.municipalityCode) ?? c.municipalityCode,
    cpvLabels: cpvLabelPairs(c.cpvCodes),
    status: effectiveStatus(c.status, c.deadline, now),
    // Open phase: the question deadline in effect (stored, or the default six days before the deadline).
    questionDeadline: questionDeadlineOf(c),
    ...awardView(c, now),
  };
}

/**
 * award issue: the phase, the tender deadline and the end of the standstill; once the contract is signed the
 * winners, the reasons and the value become public.
 */
function awardView(c: CallRecord, now: Date) {
  const { selection, award, contract } = c;
  return {
    phase: callPhase(phaseState(c), now),
    ...(selection ? { tenderDeadline: selection.tenderDeadline } : {}),
    ...(award ? { standstillEndsAt: award.standstillEndsAt } : {}),
    ...(contract && award
      ? {
          contract: {
            signedAt: contract.signedAt,
            valueNok: contract.valueNok,
            ...(contract.durationMonths ? { durationMonths: contract.durationMonths } : {}),
            winners: award.winners.map((o) => ({ orgNumber: o, name: award.snapshot.items.find((i) => i.orgNumber === o)?.name ?? o })),
            reasons: award.reasons,
          },
        }
      : {}),
  };
}

/** What of a stored call its phase depends on. */
export const phaseState = (c: CallRecord): PhaseState => ({
  procedure: c.procedure,
  status: c.status,
  deadline: c.deadline,
  ...(c.selection ? { selection: c.selection } : {}),
  ...(c.award ? { award: c.award } : {}),
  ...(c.contract ? { contract: c.contract } : {}),
});

export const phaseOf = (c: CallRecord, now: Date): Phase => callPhase(phaseState(c), now);

export const isOwnMunicipality = (c: CallRecord, p: Principal | undefined) => p?.role === 'municipality' && p.orgId === c.municipalityCode;

/** A draft is invisible (404) to all but its municipality; published calls are public. */
export function assertVisible(c: CallRecord | undefined, p: Principal | undefined): CallRecord {
  if (!c || (c.status === 'draft' && !isOwnMunicipality(c, p))) throw notFound('No call with that id.');
  return c;
}

/** Visible and the caller's own: only the call's municipality may change it. */
export function assertOwned(c: CallRecord | undefined, p: Principal | undefined): CallRecord {
  const call = assertVisible(c, p);
  if (!isOwnMunicipality(call, p)) throw forbidden('Only the municipality that owns this call can change it.');
  return call;
}
