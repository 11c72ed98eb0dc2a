/**
 * The server clock: every rule that depends on time (status, sealing, notices, deadlines) reads `now()`.
 * Locally it can be moved (POST /api/dev/clock, or `setClock`/`advanceClock` in-process) so that tests and
 * demos walk a call through its deadlines without waiting; in AWS nothing moves it and it is the system clock.
 * It only moves forward, unless set explicitly: time going backwards would reopen sealed proposals.
 */
let offsetMs = 0;

export const now = (): Date => new Date(Date.now() + offsetMs);

/** Moves the clock forward by `ms` (negative values are refused). */
export function advanceClock(ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
  offsetMs += ms;
  return now();
}

/** Sets the clock to an instant, forward or back (explicit, for tests and demos). */
export function setClock(at: Date): Date {
  offsetMs = at.getTime() - Date.now();
  return now();
}

/** Back to the system clock. */
export function resetClock(): void {
  offsetMs = 0;
}
