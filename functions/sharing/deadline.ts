const DAY = 86_400_000;
const ZONE = 'Europe/Oslo';

const TWO = '2-digit';
/** Oslo's wall clock, made once (a DateTimeFormat is costly to build and holds no state). */
const WALL: Intl.DateTimeFormatOptions = { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: TWO, day: TWO, hour: TWO, minute: TWO, second: TWO };
const OSLO_CLOCK = new Intl.DateTimeFormat('en-GB', WALL);

const parts = (d: Date) => {
  const p = Object.fromEntries(OSLO_CLOCK.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour!, min: +p.minute!, s: +p.second! };
};

/** Oslo's offset from UTC at an instant, in ms (1 h in winter, 2 h in summer). */
function osloOffset(at: Date): number {
  const p = parts(at);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/** `days` ahead of `at`, at 12:00 in Norway, as an ISO instant in UTC (10:00Z in summer, 11:00Z in winter). */
export function defaultDeadline(at: Date, days = 30): string {
  const day = parts(new Date(at.getTime() + days * DAY));
  const noonAsUtc = Date.UTC(day.y, day.m - 1, day.d, 12);
  let instant = noonAsUtc - osloOffset(new Date(noonAsUtc));
  // Near a DST switch the offset at the guess may differ from the offset at the answer.
  const again = noonAsUtc - osloOffset(new Date(instant));
  if (again !== instant) instant = again;
  return new Date(instant).toISOString();
}
