import type { MatchReason, Slate } from '$shared/schemas/matching';
import { municipalityName } from '$shared/domain/municipalities';
import type { Locale } from '$lib/paraglide/runtime';
import { toCsv } from './csv';

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

/** The slate CSV's columns, in the user's language (csv.ts picks separator and decimal mark). */
export function slateCsvHeader(locale: Locale): string[] {
	return locale === 'en'
		? ['Call ID', 'Title', 'Municipality', 'Rank', 'Organisation number', 'Company', 'Score', 'Reasons']
		: ['Utlysnings-ID', 'Tittel', 'Kommune', 'Rangering', 'Organisasjonsnummer', 'Bedrift', 'Poeng', 'Begrunnelse'];
}

/** The slate as CSV, one line per suggested partner; reasons in the page's language, joined with " | ". */
export function slateCsv(slate: Pick<Slate, 'items'>, locale: Locale): string {
	const rows: (string | number)[][] = [];
	for (const item of slate.items) {
		item.partners.forEach((p, i) => {
			rows.push([item.callId, item.title, item.municipalityName, i + 1, p.orgNumber, p.name, p.score, p.reasons.map((r) => reasonText(r, locale)).join(' | ')]);
		});
	}
	return toCsv(slateCsvHeader(locale), rows, locale);
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
