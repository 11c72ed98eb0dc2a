import type { FieldErrors } from '$lib/api';

// Apart from lib/forms.ts (which loads zod) so that pages can map the server's errors without zod.

/** Server field errors use the same dotted paths; collapse item indexes onto the array field. */
export function fieldErrorsFromServer(errors: { path: string; message: string }[]): FieldErrors {
	const out: FieldErrors = {};
	for (const e of errors) {
		const field =
			e.path
				.split('.')
				.filter((p) => !/^\d+$/.test(p))
				.join('.') || '_form';
		out[field] ??= e.message;
	}
	return out;
}
