import { csvField } from './matching';
import { config } from './config';

/**
 * A table as CSV: RFC 4180 fields (quoted when needed, formula-injection guard from csvField), CRLF
 * line ends and a UTF-8 byte order mark so spreadsheets read æøå correctly.
 */
export function tableCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
	return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Feed and API paths the API hands out are relative to its origin; make them absolute for links. */
export function apiUrl(path: string): string {
	if (/^https?:\/\//.test(path)) return path;
	return config().apiBase + path;
}

/** Builds "/api/feeds/calls?municipality=3107&q=…", dropping empty filters. */
export function feedUrl(path: string, filters: Record<string, string | undefined>): string {
	const search = new URLSearchParams();
	for (const [k, v] of Object.entries(filters)) if (v) search.set(k, v);
	const qs = search.toString();
	return apiUrl(path + (qs ? `?${qs}` : ''));
}
