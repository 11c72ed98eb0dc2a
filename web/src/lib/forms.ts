import type * as z from 'zod/mini';
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from '$lib/api';
import { useZodMessages } from './zod-messages';

/**
 * Runs the same zod schema the API validates with, and returns the first message per field.
 * Array items (cpvCodes.2) are reported on the array's own input, with the item named.
 */
export function validate<S extends z.ZodMiniType>(
	schema: S,
	value: unknown,
): { ok: true; data: z.output<S>; errors: FieldErrors } | { ok: false; errors: FieldErrors } {
	useZodMessages();
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

export { fieldErrorsFromServer } from './field-errors';

/** "72212000, 48000000 90700000" → ['72212000', '48000000', '90700000']. */
export function splitCodes(input: string): string[] {
	return input
		.split(/[\s,;]+/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** One entry per line, blanks dropped. */
export function splitLines(input: string): string[] {
	return input
		.split('\n')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Empty number inputs mean "not given" (undefined), not 0. */
export function optionalNumber(v: number | string | null | undefined): number | undefined {
	if (v === null || v === undefined || v === '') return undefined;
	const n = typeof v === 'number' ? v : Number(v);
	return Number.isNaN(n) ? undefined : n;
}

export { isoToLocalInput, localInputToIso } from './oslo-time';
