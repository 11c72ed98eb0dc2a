/**
 * Deadlines are read and written in Norwegian time (Europe/Oslo), whatever zone the browser is in: the
 * form says «norsk tid», and a municipality in Oslo and a consultant abroad must mean the same instant.
 * No imports, so the unit tests can run it under any TZ.
 */
const OSLO = 'Europe/Oslo';
let osloParts: Intl.DateTimeFormat | undefined;

interface Wall {
	y: number;
	mo: number;
	d: number;
	h: number;
	mi: number;
	s: number;
}

/** Oslo's wall clock at an instant. */
function osloWallClock(ms: number): Wall {
	osloParts ??= new Intl.DateTimeFormat('en-US', {
		timeZone: OSLO,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	});
	const p = Object.fromEntries(osloParts.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
	return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

const wallAsUtc = (w: Wall) => Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(ms: number): number {
	return Math.round((wallAsUtc(osloWallClock(ms)) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant as ISO 8601 in Oslo's wall time with Oslo's offset, e.g. 2030-03-01T12:00:00+01:00. */
function osloIso(ms: number): string {
	const w = osloWallClock(ms);
	const offset = osloOffsetMinutes(ms);
	const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
	const sign = offset >= 0 ? '+' : '-';
	return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/**
 * A datetime-local value, read as Oslo wall time → ISO 8601 with Oslo's offset. Where the clocks go back
 * (a wall time that happens twice) the earlier instant is meant; where they go forward (a wall time that
 * never happens) the time moves forward by the gap, as Temporal's "compatible" rule does.
 */
export function localInputToIso(local: string): string {
	if (!local) return '';
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(local);
	if (!m) return local;
	const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
	const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
	// Oslo's offset is +01:00 or +02:00: try both, keep the instants that show this wall time in Oslo.
	const candidates = [120, 60].map((o) => asUtc - o * 60_000).filter((t) => wallAsUtc(osloWallClock(t)) === asUtc);
	return osloIso(candidates.length > 0 ? Math.min(...candidates) : asUtc - 60 * 60_000);
}

/** ISO instant → the datetime-local value showing it in Norwegian time. */
export function isoToLocalInput(iso: string): string {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return '';
	const w = osloWallClock(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}
