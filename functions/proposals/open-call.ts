import { effectiveStatus } from '../../shared/domain/call-status.js';
import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { getCall } from '../data/calls.js';
import { assertVisible } from '../calls/view.js';
import type { CallRecord } from '../data/calls.js';

/** The call a company acts on, which must be open right now (409 otherwise: the request was fine, the call is not). */
export async function requireOpenCall(callId: string, principal: Principal, at: Date, action: string): Promise<CallRecord> {
  const call = assertVisible(await getCall(callId), principal);
  const status = effectiveStatus(call.status, call.deadline, at);
  if (status !== 'open') throw conflict(`Proposals can only be ${action} while the call is open; it is ${status}.`);
  return call;
}
