import { getLocale, overwriteGetLocale, setLocale, type Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { DOMAINS, DOMAIN_LABELS, PROCEDURES, PROCEDURE_LABELS, type Domain, type Procedure, type OrganisationKind } from '$shared/domain/vocabulary';
import { MUNICIPALITIES } from '$shared/domain/municipalities';
import type { CallStatus } from '$shared/domain/call-status';

/**
 * Paraglide's getLocale() is plain JS. Routing it through a $state makes every `m.key()` read in a
 * template reactive, so the language toggle re-renders text in place without remounting pages (which
 * would throw away half-filled forms).
 */
const state = $state({ locale: getLocale() });
overwriteGetLocale(() => state.locale);

export const i18n = {
	get locale(): Locale {
		return state.locale;
	},
};

export function switchLocale(locale: Locale): void {
	// reload: false — the state change above re-renders; setLocale only persists the choice.
	setLocale(locale, { reload: false });
	state.locale = locale;
	applyDocumentLocale();
}

/** <html lang> must follow the visible language (WCAG 3.1.1). Zod's messages follow in lib/zod-messages.ts. */
export function applyDocumentLocale(): void {
	if (typeof document !== 'undefined') document.documentElement.lang = state.locale;
}

const intlLocale = () => (state.locale === 'nb' ? 'nb-NO' : 'en-GB');

export const domainLabel = (d: Domain) => DOMAIN_LABELS[d][state.locale];
export const procedureLabel = (p: Procedure) => PROCEDURE_LABELS[p][state.locale];

/** The choices of a municipality, domain or procedure select, labelled in the current language. */
export const municipalityOptions = () => MUNICIPALITIES.map((mu) => ({ value: mu.code, label: mu.name }));
export const domainOptions = () => DOMAINS.map((d) => ({ value: d, label: domainLabel(d) }));
export const procedureOptions = () => PROCEDURES.map((p) => ({ value: p, label: procedureLabel(p) }));
/** Official CPV labels come from the API (the list stays on the server): see cpv.svelte.ts. */
export { cpvLabel } from '$lib/cpv.svelte';

const STATUS_WORDS: Record<CallStatus, () => string> = {
	draft: m.status_draft,
	open: m.status_open,
	closed: m.status_closed,
	cancelled: m.status_cancelled,
};
/** A status's word; an unknown status (a newer server) as it came. */
export const statusLabel = (s: CallStatus | string): string => (Object.hasOwn(STATUS_WORDS, s) ? STATUS_WORDS[s as CallStatus]() : s);

const ROLE_WORDS: Record<OrganisationKind, () => string> = {
	municipality: m.role_municipality,
	company: m.role_company,
	association: m.role_association,
	programme: m.role_programme,
};
export const roleLabel = (r: OrganisationKind): string => ROLE_WORDS[r]();

/** Deadlines are Norwegian local time whatever the visitor's device says. */
export function formatDateTime(iso: string): string {
	return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}

export function formatDate(iso: string): string {
	return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}

export function formatNumber(n: number, maximumFractionDigits = 0): string {
	return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits }).format(n);
}

/** An amount in kroner without its VAT basis: only for the first half of a range. */
export function formatNokPlain(n: number): string {
	return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 }).format(n);
}

/** Every amount on the platform is without VAT, and says so: «kr 500 000 ekskl. mva.». */
export function formatNok(n: number): string {
	return `${formatNokPlain(n)} ${m.ex_vat()}`;
}

/** "om 3 dager", "om 25 minutter", "om 40 sekunder": the largest unit that is at least one. */
export function formatTimeLeft(ms: number): string {
	const rtf = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'always' });
	const s = Math.max(0, Math.round(ms / 1000));
	// Intl's bokmål says «om 4 døgn»; people and DFØ say «om 4 dager».
	if (s >= 2 * 86_400) return state.locale === 'nb' ? `om ${Math.floor(s / 86_400)} dager` : rtf.format(Math.floor(s / 86_400), 'day');
	if (s >= 2 * 3600) return rtf.format(Math.floor(s / 3600), 'hour');
	if (s >= 120) return rtf.format(Math.floor(s / 60), 'minute');
	return rtf.format(s, 'second');
}
