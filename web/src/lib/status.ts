import { effectiveStatus, type CallStatus } from '$shared/domain/call-status';

/**
 * The status as of `now`: an open call turns closed at its deadline, also while a page stays open
 * (the API computes the same rule when asked, shared/domain/call-status.ts).
 */
export function liveStatus(call: { status: CallStatus; deadline: string }, now: number): CallStatus {
	return call.status === 'open' ? effectiveStatus('open', call.deadline, new Date(now)) : call.status;
}
