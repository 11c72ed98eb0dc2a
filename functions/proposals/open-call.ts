import { effectiveStatus } from '../../shared/domain/call-status.js';
import type { AnswerStage } from '../../shared/domain/procedure.js';
import { conflict, forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { getCall } from '../data/calls.js';
import { assertVisible, phaseOf } from '../calls/view.js';
import type { CallRecord } from '../data/calls.js';

/** The call a company acts on, which must be open right now (409 otherwise: the request was fine, the call is not). */
export async function requireOpenCall(callId: string, principal: Principal, at: Date, action: string): Promise<CallRecord> {
  const call = assertVisible(await getCall(callId), principal);
  const status = effectiveStatus(call.status, call.deadline, at);
  if (status !== 'open') throw conflict(`Proposals can only be ${action} while the call is open; it is ${status}.`);
  return call;
}

/**
 * The call and the stage a company's answer belongs to right now: the first answer while the call is open, the
 * tender while a two-stage call is tendering (selected companies only, 403 for others), else 409.
 */
export async function requireAnswerableCall(callId: string, principal: Principal, at: Date, action: string): Promise<{ call: CallRecord; stage: AnswerStage }> {
  const call = assertVisible(await getCall(callId), principal);
  const phase = phaseOf(call, at);
  if (phase === 'open') return { call, stage: 'request' };
  if (phase === 'tendering' && call.selection) {
    if (!call.selection.selected.includes(principal.orgId)) {
      throw forbidden('Only the companies selected to take part may send a tender to this call.');
    }
    return { call, stage: 'tender' };
  }
  const status = effectiveStatus(call.status, call.deadline, at);
  throw conflict(`Proposals can only be ${action} while the call is open${call.selection ? ' or tendering' : ''}; it is ${call.selection ? phase : status}.`);
}
