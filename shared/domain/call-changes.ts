/**
 * Rules for changing a call once companies may be answering it (pure; the API enforces them, the web form
 * can explain them). A published call changes only forward: its deadline may move later, never earlier,
 * and a correction close to the deadline must give companies time to react.
 */
const DAY_MS = 86_400_000;

/** A deadline is at most this far ahead (two years): proposals must not stay sealed for ever. */
export const MAX_DEADLINE_AHEAD_MS = 730 * DAY_MS;
/** After a correction of anything but the deadline, at least this much time must remain. */
export const MIN_TIME_AFTER_CORRECTION_MS = 6 * DAY_MS;
export const CHANGE_NOTE_MIN = 10;
export const CHANGE_NOTE_MAX = 2000;

/** The latest deadline a call may have when set at `now`. */
export const latestDeadline = (now: Date) => new Date(now.getTime() + MAX_DEADLINE_AHEAD_MS);

/** The earliest deadline a correction made at `now` may leave. */
export const earliestDeadlineAfterCorrection = (now: Date) => new Date(now.getTime() + MIN_TIME_AFTER_CORRECTION_MS);

export type DeadlineProblem = 'past' | 'too-far';

/** Why a deadline set at `now` is not allowed, or undefined when it is. */
export function deadlineProblem(deadline: string, now: Date): DeadlineProblem | undefined {
  const at = Date.parse(deadline);
  if (!(at > now.getTime())) return 'past';
  if (at > latestDeadline(now).getTime()) return 'too-far';
  return undefined;
}

/** Fields of a call whose changes are recorded once it is published. */
export const RECORDED_CALL_FIELDS = [
  'title',
  'summary',
  'description',
  'domains',
  'cpvCodes',
  'budgetNok',
  'deadline',
  'procedure',
  'questionDeadline',
  'contact',
] as const;
