import type { PageLoad } from './$types';
import { api } from '$lib/api';
import { filtersFromUrl, queryOf } from '$lib/filters';

export const load: PageLoad = async ({ url, parent }) => {
	// Loads run in parallel with the root layout's; wait for its config and restored session.
	await parent();
	const filters = filtersFromUrl(url);
	const { data } = await api('listCalls', { query: queryOf(filters) });
	return { filters, page: data };
};
