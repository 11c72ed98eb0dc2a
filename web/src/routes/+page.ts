import type { PageLoad } from './$types';
import { browser } from '$app/environment';
import { redirect } from '@sveltejs/kit';
import { api, ApiError } from '$lib/api';
import { filtersFromUrl, queryOf } from '$lib/filters';
import { pageFromUrl, pageHref } from '$lib/pagination';

// The front page's frame (header, heading, filter form, footer) is HTML at build time; the list of
// calls arrives in the browser, with skeleton cards until it does.
export const ssr = true;
export const prerender = true;

export const load: PageLoad = async ({ url, parent }) => {
	if (!browser) return { filters: filtersFromUrl(new URL('http://localhost/')), position: pageFromUrl(new URL('http://localhost/')), page: null };
	// Loads run in parallel with the root layout's; wait for its config and restored session.
	await parent();
	const filters = filtersFromUrl(url);
	// The page number and its cursor are in the URL (lib/pagination.ts), so back/forward return to it.
	const position = pageFromUrl(url);
	try {
		const { data } = await api('listCalls', { query: queryOf(filters, position.cursor) });
		return { filters, position, page: data };
	} catch (e) {
		// A cursor the API no longer accepts (signing key rotated, filters edited by hand): start over.
		if (position.cursor && e instanceof ApiError && e.status === 400) redirect(307, pageHref(url, 1, undefined));
		throw e;
	}
};
