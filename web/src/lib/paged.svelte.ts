import type { Page } from '$shared/schemas/common';

/**
 * A list read page by page with the API's opaque cursor: items (null until the first page arrives),
 * the next cursor, and whether a request is under way or failed. `load()` starts over; `more()` appends.
 */
export function pagedList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>) {
	const state = $state({ items: null as T[] | null, cursor: null as string | null, loading: false, failed: false, error: null as unknown });
	async function read(after?: string) {
		state.loading = true;
		state.failed = false;
		state.error = null;
		try {
			const page = await fetchPage(after);
			state.items = [...(after ? (state.items ?? []) : []), ...page.items];
			state.cursor = page.nextCursor;
		} catch (e) {
			state.failed = true;
			state.error = e;
		} finally {
			state.loading = false;
		}
	}
	return {
		get items() {
			return state.items;
		},
		get cursor() {
			return state.cursor;
		},
		get loading() {
			return state.loading;
		},
		get failed() {
			return state.failed;
		},
		/** What the last failed request threw (for ProblemAlert). */
		get error() {
			return state.error;
		},
		load: () => read(),
		/** Goes on after a page read elsewhere (the route's load function): nothing of its own yet, `cursor` next. */
		after: (cursor: string | null) => {
			state.items = [];
			state.cursor = cursor;
			state.failed = false;
			state.error = null;
		},
		more: () => (state.cursor ? read(state.cursor) : Promise.resolve()),
	};
}
