import { m } from '$lib/paraglide/messages';
import { problemSlug, problemTypes, GENERIC_PROBLEM, type ProblemSlug, type ProblemParamKind } from '$shared/api/problems';
import { formatDateTime, formatNumber, statusLabel, roleLabel } from '$lib/i18n.svelte';
import type { OrganisationKind } from '$shared/domain/vocabulary';
import { CLIMATE_RULE } from '$shared/domain/procedure';

import { PROBLEM_MESSAGES } from './problem-messages';

type Params = Record<string, unknown>;

/** The message key of a problem slug: `proposals-sealed` → `problem_proposals_sealed`. */
export const problemMessageKey = (slug: string) => `problem_${slug.replaceAll('-', '_')}`;

const ROLES = new Set(['municipality', 'company', 'association', 'programme']);

function formatParam(kind: ProblemParamKind, name: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	const one = (v: unknown): string => {
		if ((name === 'role' || name === 'roles') && ROLES.has(String(v))) return roleLabel(String(v) as OrganisationKind).toLocaleLowerCase();
		if (kind === 'datetime' && typeof v === 'string' && !Number.isNaN(Date.parse(v))) return formatDateTime(v);
		if (kind === 'status') return statusLabel(String(v)).toLocaleLowerCase();
		if (kind === 'number' && typeof v === 'number') return formatNumber(v);
		return String(v);
	};
	return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

/**
 * The user's-language text of a problem: the message of its type with its parameters formatted
 * (dates in Europe/Oslo), else the generic message of its status. Never the server's English `detail`.
 */
export function problemMessage(status: number, type?: string | null, params?: Params): string {
	const slug: ProblemSlug | undefined = problemSlug(type) ?? GENERIC_PROBLEM[status];
	const fn = slug ? PROBLEM_MESSAGES[slug] : undefined;
	if (!slug || !fn) return status >= 500 ? m.problem_internal() : m.problem_status_generic({ status: String(status) });
	const spec = problemTypes[slug] as { status: number; params?: Record<string, ProblemParamKind> };
	const names = spec.params ?? {};
	// A type whose parameters did not come (an older server) reads better as its status's generic message.
	if (Object.keys(names).some((n) => params?.[n] === undefined) && GENERIC_PROBLEM[status] && GENERIC_PROBLEM[status] !== slug) {
		return problemMessage(status);
	}
	const formatted: Record<string, string> = {};
	for (const [name, kind] of Object.entries(names)) formatted[name] = formatParam(kind, name, params?.[name]);
	return fn(formatted);
}

/**
 * Field errors from the server carry English messages; the ones users can meet get our own words,
 * the rest a neutral «not valid» in bokmål (and the server's text in English).
 */
const FIELD_MESSAGES: Record<string, () => string> = {
	'Deadline is in the past': () => m.err_deadline_past(),
	// Publishing a competition whose criteria break the climate rule: the rule is named, not just «not valid».
	[CLIMATE_RULE]: () => m.err_climate_rule(),
	'Invalid or tampered cursor': () => m.problem_invalid_cursor(),
};

export function fieldMessage(message: string, locale: string): string {
	const known = FIELD_MESSAGES[message];
	if (known) return known();
	return locale === 'en' ? message : m.problem_field_invalid();
}
