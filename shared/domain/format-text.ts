/**
 * What each output format forbids, dropped in one place per format. Stored text is already normalised
 * (shared/domain/text.ts), but writers must not trust that: data from before normalisation, or from a
 * source that skipped it, must still give well-formed XML, iCalendar and CSV.
 */

/** Not a Char in XML 1.0 (§2.2): controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML character data or an attribute value: forbidden characters dropped, markup escaped. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/**
 * Text for an iCalendar TEXT value before the library escapes it (RFC 5545 §3.3.11): controls other than
 * newline dropped (CR folded into newlines), lone surrogates dropped.
 */
export function icsText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .replace(LONE_SURROGATE, '');
}

/**
 * A one-line iCalendar value the library does not escape (ical-generator writes NAME and X-WR-CALNAME as
 * given): line breaks become spaces, so a query string cannot inject calendar lines.
 */
export function icsLine(s: string): string {
  return icsText(s)
    .replace(/[\n\u2028\u2029]+/g, ' ')
    .replace(/[\\;,]/g, (c) => `\\${c}`);
}

/**
 * A CSV field (RFC 4180): controls other than tab and newline dropped, lone surrogates dropped, a leading
 * formula character neutralised, quoted when it holds a quote, comma or line break.
 */
export function csvText(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const clean = value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(LONE_SURROGATE, '');
  const safe = /^[=+\-@\t]/.test(clean) ? `'${clean}` : clean;
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Text for HTML (pages, e-mails, the printable protocol): the five characters HTML gives meaning to, escaped. */
export const htmlText = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
