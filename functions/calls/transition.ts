import type { StoredCallStatus } from '../../shared/domain/call-status.js';
import type { Call } from '../../shared/schemas/calls.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall, replaceCall, type CallRecord } from '../data/calls.js';
import { assertOwned, callView } from './view.js';

/**
 * Moves a call to another status with one conditional write. `check` throws when the move is not
 * allowed from what it sees; if a concurrent edit lands between read and write we read again, so the
 * decision is always made on the version actually replaced.
 */
export async function transition(
  id: string,
  principal: Principal,
  from: readonly StoredCallStatus[],
  check: (call: CallRecord, at: Date) => void,
  change: (call: CallRecord, stamp: string) => Partial<CallRecord>,
): Promise<Call> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = assertOwned(await getCall(id), principal);
    const at = now();
    check(current, at);
    const stamp = at.toISOString();
    const next: CallRecord = { ...current, ...change(current, stamp), version: current.version + 1, updatedAt: stamp };
    if (await replaceCall(next, current.version, from)) return callView(next, at);
  }
  throw new Error(`call ${id} kept changing during a status transition`);
}
