import { config } from './config';

// Apart from lib/csv.ts: the front page links its feeds and should not carry the CSV writer with it.

/** Feed and API paths the API hands out are relative to its origin; make them absolute for links. */
export function apiUrl(path: string): string {
	if (/^https?:\/\//.test(path)) return path;
	let base = '';
	try {
		base = config().apiBase;
	} catch {
		// prerendering (no runtime config): same-origin paths, as the local server and CloudFront serve them
	}
	return base + path;
}

/** Builds "/api/feeds/calls?municipality=3107&q=…", dropping empty filters. */
export function feedUrl(path: string, filters: Record<string, string | undefined>): string {
	const search = new URLSearchParams();
	for (const [k, v] of Object.entries(filters)) if (v) search.set(k, v);
	const qs = search.toString();
	return apiUrl(path + (qs ? `?${qs}` : ''));
}
