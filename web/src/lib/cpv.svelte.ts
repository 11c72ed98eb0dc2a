import { api } from '$lib/api';
import { i18n } from '$lib/i18n.svelte';
import { parseCpvInput } from '$shared/domain/cpv-code';
import type { CpvHit } from '$shared/schemas/cpv';

/**
 * CPV labels in the web app. The official list (9,454 codes) stays on the server: labels come with the
 * calls and profiles the API returns (`cpvLabels`), or are looked up in batches through GET /api/cpv and
 * kept here, so no route ships the list in its JavaScript.
 */
type Pair = { nb: string; en: string };
/** code → labels; null once the server said the list has no such code. */
const known = $state<Record<string, Pair | null>>({});
const wanted = new Set<string>();
let flush: Promise<void> | undefined;

/** Labels that came with an API response. */
export function primeCpvLabels(labels: Record<string, Pair> | undefined): void {
	if (!labels) return;
	for (const [code, pair] of Object.entries(labels)) if (!known[code]) known[code] = pair;
}

function request(code: string): void {
	if (code in known || wanted.has(code)) return;
	wanted.add(code);
	flush ??= Promise.resolve().then(lookUp);
}

async function lookUp(): Promise<void> {
	const codes = [...wanted].slice(0, 50);
	flush = undefined;
	if (codes.length === 0) return;
	try {
		const ask = (lang: 'nb' | 'en') => api('searchCpv', { query: { codes: codes.join(','), lang } });
		const [nb, en] = await Promise.all([ask('nb'), ask('en')]);
		const byCode = (items: CpvHit[]) => new Map(items.map((h) => [h.code, h.label]));
		const nbLabels = byCode(nb.data.items);
		const enLabels = byCode(en.data.items);
		for (const c of codes) {
			const label = nbLabels.get(c);
			known[c] = label ? { nb: label, en: enLabels.get(c) ?? label } : null;
		}
	} catch {
		// Unknown for now: a later render asks again.
	} finally {
		for (const c of codes) wanted.delete(c);
		if (wanted.size > 0) flush ??= Promise.resolve().then(lookUp);
	}
}

/** The code's own official label in the visible language; undefined while it is being looked up or if unknown. */
export function cpvLabel(input: string): string | undefined {
	const code = parseCpvInput(input);
	if (!code) return undefined;
	const entry = known[code];
	if (entry === undefined) request(code);
	return entry?.[i18n.locale];
}

/** true: a listed code; false: not one (wrong shape, or the server does not know it); undefined: still asking. */
export function cpvListed(input: string): boolean | undefined {
	const code = parseCpvInput(input);
	if (!code) return false;
	const entry = known[code];
	if (entry === undefined) {
		request(code);
		return undefined;
	}
	return entry !== null;
}

/** Search the official list by word or code prefix in the visible language. */
export async function searchCpv(q: string, signal?: AbortSignal): Promise<CpvHit[]> {
	const res = await api('searchCpv', { query: { q, lang: i18n.locale, limit: 15 }, signal });
	return res.data.items;
}
