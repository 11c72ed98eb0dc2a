import type { MatchReason, Slate } from '$shared/schemas/matching';
import { municipalityName } from '$shared/domain/municipalities';
import { csvText } from '$shared/domain/format-text';
import type { Locale } from '$lib/paraglide/runtime';

/** The API words every reason in both languages; show the one the page is in. */
export function reasonText(reason: MatchReason, locale: Locale): string {
	return reason.text[locale] ?? reason.text.nb;
}

/** Scores are 0–100 with decimals; people read them as whole numbers. */
export function roundScore(score: number): number {
	return Math.max(0, Math.min(100, Math.round(score)));
}

/** "Fredrikstad", or undefined for a company without a home municipality. */
export function municipalityOf(code: string | undefined): string | undefined {
	return code ? municipalityName(code) : undefined;
}

export const SLATE_CSV_HEADER = ['callId', 'title', 'municipality', 'rank', 'orgNumber', 'company', 'score', 'reasons'] as const;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe (OWASP CSV injection).
 */
/** One CSV field: see shared/domain/format-text.ts (forbidden characters dropped, formulas neutralised). */
export const csvField = csvText;

/**
 * The slate as CSV, one line per suggested partner, CRLF line ends (RFC 4180), with a UTF-8 byte order
 * mark so Excel opens æøå correctly. Reasons are in the page's language, joined with " | ".
 */
export function slateCsv(slate: Pick<Slate, 'items'>, locale: Locale): string {
	const lines = [SLATE_CSV_HEADER.join(',')];
	for (const item of slate.items) {
		item.partners.forEach((p, i) => {
			lines.push(
				[
					item.callId,
					item.title,
					item.municipalityName,
					i + 1,
					p.orgNumber,
					p.name,
					p.score,
					p.reasons.map((r) => reasonText(r, locale)).join(' | '),
				]
					.map(csvField)
					.join(','),
			);
		});
	}
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Saves text as a file in the browser (Blob + object URL; nothing leaves the machine). */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Give the browser a moment to start the download before the URL goes away.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
