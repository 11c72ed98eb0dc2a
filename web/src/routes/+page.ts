import type { PageLoad } from './$types';
import { browser } from '$app/environment';
import { api } from '$lib/api';
import { filtersFromUrl, queryOf } from '$lib/filters';

// The front page's frame (header, heading, filter form, footer) is HTML at build time; the list of
// calls arrives in the browser, with skeleton cards until it does.
export const ssr = true;
export const prerender = true;

export const load: PageLoad = async ({ url, parent }) => {
	if (!browser) return { filters: filtersFromUrl(new URL('http://localhost/')), page: null };
	// Loads run in parallel with the root layout's; wait for its config and restored session.
	await parent();
	const filters = filtersFromUrl(url);
	const { data } = await api('listCalls', { query: queryOf(filters) });
	return { filters, page: data };
};
