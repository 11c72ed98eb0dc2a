/** Rules of a call's open phase shared by the API and the web app. */
export const DAY_MS = 86_400_000;
/** Questions close this long before the deadline unless the call says otherwise; corrections need this long left. */
export const MIN_DAYS_AFTER_CORRECTION = 6;

/**
 * When questions close: the call's own questionDeadline, else six days before the deadline, or at publication
 * when that is already past.
 */
export function questionDeadlineOf(call: { deadline: string; questionDeadline?: string; publishedAt?: string }): string {
  if (call.questionDeadline) return new Date(call.questionDeadline).toISOString();
  const sixBefore = Date.parse(call.deadline) - MIN_DAYS_AFTER_CORRECTION * DAY_MS;
  const published = call.publishedAt ? Date.parse(call.publishedAt) : undefined;
  return new Date(published !== undefined && published > sixBefore ? published : sixBefore).toISOString();
}

/** The earliest deadline a correction made at `now` may leave: six days ahead. */
export const earliestDeadlineAfterCorrection = (now: Date) => new Date(now.getTime() + MIN_DAYS_AFTER_CORRECTION * DAY_MS);
