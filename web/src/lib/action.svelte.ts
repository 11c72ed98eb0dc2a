import { m } from '$lib/paraglide/messages';
import { ApiError } from '$lib/api';

export type ActionStatus = { kind: 'success' | 'error'; text: string };

/**
 * A section's writes, one at a time: `busy` while one runs (its buttons are disabled), then `status`, a
 * sentence for the section's live region saying it worked or why not, and `reload` refreshes what it
 * changed. `ownErrors`: Errors the section throws itself (no file chosen, a refused upload) are shown as
 * they are; otherwise only the API's own sentence is.
 */
export function sectionActions(reload: () => Promise<unknown>, { ownErrors = false } = {}) {
	const state = $state({ busy: false, status: null as ActionStatus | null });
	const explain = (e: unknown) => (e instanceof ApiError ? e.detail : ownErrors && e instanceof Error ? e.message : m.action_failed());
	return {
		get busy() {
			return state.busy;
		},
		get status() {
			return state.status;
		},
		/** Runs `work`; says `done` and reloads when it succeeds. Resolves whether `work` went through. */
		async run(work: () => Promise<unknown>, done: string): Promise<boolean> {
			state.busy = true;
			state.status = null;
			let worked = false;
			try {
				await work();
				worked = true;
				state.status = { kind: 'success', text: done };
				await reload();
			} catch (e) {
				state.status = { kind: 'error', text: explain(e) };
			} finally {
				state.busy = false;
			}
			return worked;
		},
	};
}
