import { config } from './config';

/**
 * CSV the way a spreadsheet in the user's language opens it as columns: in bokmål semicolons and
 * decimal commas (Norwegian Excel's list separator is «;»), in English commas and decimal points.
 * Always a UTF-8 byte order mark (so æøå survive) and CRLF line ends (RFC 4180).
 */
export interface CsvDialect {
	separator: ';' | ',';
	decimal: ',' | '.';
}

export const csvDialect = (locale: string): CsvDialect => (locale === 'en' ? { separator: ',', decimal: '.' } : { separator: ';', decimal: ',' });

/**
 * One field: numbers with the dialect's decimal mark (no thousands separators), text quoted when it
 * holds the separator, a quote or a line break. Text a spreadsheet would run as a formula (=, +, -, @
 * first) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvField(value: string | number, dialect: CsvDialect = csvDialect('nb')): string {
	if (typeof value === 'number') return String(value).replace('.', dialect.decimal);
	// What CSV cannot hold is dropped (control characters but tab and line breaks, lone surrogates), as the
	// server's writers do (shared/domain/format-text.ts).
	const clean = value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
	const safe = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
	const needsQuotes = safe.includes(dialect.separator) || /["\r\n]/.test(safe);
	return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[], locale: string): string {
	const d = csvDialect(locale);
	return '\uFEFF' + [header, ...rows].map((r) => r.map((v) => csvField(v, d)).join(d.separator)).join('\r\n') + '\r\n';
}

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
