import { m } from '$lib/paraglide/messages';
import { ApiError, type FieldErrors } from '$lib/api';
import { fieldErrorsFromServer } from './field-errors';

/**
 * The errors a form shows, from the client's own check (`client`, field → message, see validate) and from
 * the API's last answer, for ErrorSummary and each Field. `live`: a field's client error shows once it was
 * left (`touch`) or a submit was tried, and the server's error wins; otherwise client errors show only after
 * a submit and win. Server errors last until the next submit.
 */
export function formErrors(client: () => FieldErrors, { live = true } = {}) {
	const state = $state({ busy: false, attempt: 0, touched: {} as Record<string, boolean>, server: {} as FieldErrors, detail: undefined as string | undefined });
	const errors = $derived.by(() => {
		if (!live) return state.attempt > 0 ? { ...state.server, ...client() } : state.server;
		const out: FieldErrors = { ...state.server };
		for (const [k, v] of Object.entries(client())) if (state.attempt > 0 || state.touched[k]) out[k] ??= v;
		return out;
	});
	return {
		get errors() {
			return errors;
		},
		/** Submits tried since the form was last saved (ErrorSummary takes focus on each). */
		get attempt() {
			return state.attempt;
		},
		/** The API's sentence when it named no field. */
		get detail() {
			return state.detail;
		},
		touch(field: string) {
			state.touched[field] = true;
		},
		/** While a submit's request is under way (the submit button is disabled). */
		get busy() {
			return state.busy;
		},
		/**
		 * A submit: counts the attempt, forgets what the server said last time and, when the client's check
		 * passed, runs `work` with the checked data, busy meanwhile. A refusal shows as the fields the API
		 * names, or its sentence.
		 */
		async submit<D>(checked: { ok: true; data: D } | { ok: false }, work: (data: D) => Promise<unknown>) {
			state.attempt++;
			state.server = {};
			state.detail = undefined;
			if (!checked.ok) return;
			state.busy = true;
			try {
				await work(checked.data);
			} catch (err) {
				if (err instanceof ApiError) {
					state.server = fieldErrorsFromServer(err.errors);
					state.detail = err.errors.length ? undefined : err.detail;
				} else state.detail = m.action_failed();
			} finally {
				state.busy = false;
			}
		},
		/** A submit that could not even be tried (e.g. the form's checker failed to load): says why. */
		fail(detail: string) {
			state.attempt++;
			state.server = {};
			state.detail = detail;
		},
		/** Saved: client errors wait for a field to be left again. */
		saved() {
			state.attempt = 0;
		},
		/** A fresh form: nothing tried, touched or answered. */
		reset() {
			state.attempt = 0;
			state.touched = {};
			state.server = {};
			state.detail = undefined;
		},
	};
}
