/**
 * ISO 8601 durations as the dev clock accepts them: PnW, or PnYnMnDTnHnMnS with whole or decimal seconds.
 * Years and months are calendar-free approximations (365 and 30 days): the clock needs an amount, not a date.
 */
const PATTERN = /^P(?:(\d+)W|(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?)$/;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds in the duration, or undefined when it is not a well-formed ISO 8601 duration. */
export function durationMs(text: string): number | undefined {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, y, mo, d, h, mi, s] = m;
  const n = (v: string | undefined) => (v === undefined ? 0 : Number(v));
  if (w !== undefined) return n(w) * 7 * DAY;
  return n(y) * 365 * DAY + n(mo) * 30 * DAY + n(d) * DAY + n(h) * HOUR + n(mi) * MINUTE + Math.round(n(s) * SECOND);
}
