import type * as z from 'zod/mini';
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from '$lib/api';

/**
 * Runs the same zod schema the API validates with, and returns the first message per field.
 * Array items (cpvCodes.2) are reported on the array's own input, with the item named.
 */
export function validate<S extends z.ZodMiniType>(
	schema: S,
	value: unknown,
): { ok: true; data: z.output<S>; errors: FieldErrors } | { ok: false; errors: FieldErrors } {
	const result = schema.safeParse(value);
	if (result.success) return { ok: true, data: result.data, errors: {} };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const path = issue.path.map(String);
		const field = path.filter((p) => !/^\d+$/.test(p)).join('.') || '_form';
		errors[field] ??= messageFor(issue, path, value);
	}
	return { ok: false, errors };
}

/** Refinements in shared/ carry fixed English messages; these are the ones users can hit. */
function messageFor(issue: z.core.$ZodIssue, path: string[], value: unknown): string {
	if (issue.code !== 'custom') return issue.message;
	const [head, index] = path;
	if (head === 'cpvCodes' && index !== undefined) {
		const code = (value as { cpvCodes?: string[] }).cpvCodes?.[Number(index)] ?? '';
		return m.err_cpv({ code });
	}
	if (head === 'budgetNok') return m.err_budget_range();
	return issue.message;
}

/** Server field errors use the same dotted paths; collapse item indexes onto the array field. */
export function fieldErrorsFromServer(errors: { path: string; message: string }[]): FieldErrors {
	const out: FieldErrors = {};
	for (const e of errors) {
		const field = e.path.split('.').filter((p) => !/^\d+$/.test(p)).join('.') || '_form';
		out[field] ??= e.message;
	}
	return out;
}

/** "72212000, 48000000 90700000" → ['72212000', '48000000', '90700000']. */
export function splitCodes(input: string): string[] {
	return input.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

/** One entry per line, blanks dropped. */
export function splitLines(input: string): string[] {
	return input.split('\n').map((s) => s.trim()).filter(Boolean);
}

/** Empty number inputs mean "not given" (undefined), not 0. */
export function optionalNumber(v: number | string | null | undefined): number | undefined {
	if (v === null || v === undefined || v === '') return undefined;
	const n = typeof v === 'number' ? v : Number(v);
	return Number.isNaN(n) ? undefined : n;
}

/**
 * Deadlines are read and written in Norwegian time (Europe/Oslo), whatever zone the browser is in: the
 * form says «norsk tid», and a municipality in Oslo and a consultant abroad must mean the same instant.
 */
const OSLO = 'Europe/Oslo';
let osloParts: Intl.DateTimeFormat | undefined;

/** Oslo's wall clock at an instant, as numbers. */
function osloWallClock(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
	osloParts ??= new Intl.DateTimeFormat('en-US', {
		timeZone: OSLO, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
	});
	const p = Object.fromEntries(osloParts.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
	return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(ms: number): number {
	const w = osloWallClock(ms);
	return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** A datetime-local value (Oslo wall time) → ISO 8601 with Oslo's offset at that moment, e.g. …T12:00:00+01:00. */
export function localInputToIso(local: string): string {
	if (!local) return '';
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
	if (!m) return local;
	const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
	const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
	// The offset at the instant the wall time denotes; a second look settles the days the clocks change.
	let offset = osloOffsetMinutes(asUtc - osloOffsetMinutes(asUtc) * 60_000);
	offset = osloOffsetMinutes(asUtc - offset * 60_000) === offset ? offset : osloOffsetMinutes(asUtc - offset * 60_000);
	const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
	const sign = offset >= 0 ? '+' : '-';
	return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** ISO instant → the datetime-local value showing it in Norwegian time. */
export function isoToLocalInput(iso: string): string {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return '';
	const w = osloWallClock(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}
