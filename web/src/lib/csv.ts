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
	const clean = value
		.replace(/\r\n?/g, '\n')
		.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
	const safe = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
	const needsQuotes = safe.includes(dialect.separator) || /["\r\n]/.test(safe);
	return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[], locale: string): string {
	const d = csvDialect(locale);
	return '\uFEFF' + [header, ...rows].map((r) => r.map((v) => csvField(v, d)).join(d.separator)).join('\r\n') + '\r\n';
}
