/**
 * What a panel reads as it appears, and again when a reactive value `read` uses before its first await
 * changes, or on `retry()` («Prøv igjen»): `value` is null while it is on its way, `failed` when it did not
 * come. A newer read aborts the older one, so a late answer never overwrites a newer one.
 */
export function fetched<T>(read: (signal: AbortSignal) => Promise<T>) {
	const state = $state({ value: null as T | null, failed: false, attempt: 0 });
	$effect(() => {
		void state.attempt;
		state.value = null;
		state.failed = false;
		const ctrl = new AbortController();
		read(ctrl.signal)
			.then((v) => (state.value = v))
			.catch((e) => {
				if ((e as Error)?.name !== 'AbortError') state.failed = true;
			});
		return () => ctrl.abort();
	});
	return {
		get value() {
			return state.value;
		},
		get failed() {
			return state.failed;
		},
		retry: () => {
			state.attempt++;
		},
	};
}
