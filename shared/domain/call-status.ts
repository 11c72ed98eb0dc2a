export const STORED_CALL_STATUSES = ['draft', 'open', 'cancelled'] as const;
export const CALL_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
export type StoredCallStatus = (typeof STORED_CALL_STATUSES)[number];
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * `closed` is never stored: an open call whose deadline has passed reads as closed from that instant,
 * so correctness needs no scheduler.
 */
export function effectiveStatus(stored: StoredCallStatus, deadline: string, now: Date): CallStatus {
  if (stored === 'open' && Date.parse(deadline) <= now.getTime()) return 'closed';
  return stored;
}

/** Proposals are sealed for everyone, the call's own municipality included, until the deadline. */
export function proposalsAreSealed(deadline: string, now: Date): boolean {
  return now.getTime() < Date.parse(deadline);
}
