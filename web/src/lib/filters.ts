import { CALL_STATUSES } from '$shared/domain/call-status';
import { DOMAINS } from '$shared/domain/vocabulary';
import { MUNICIPALITY_CODES } from '$shared/domain/municipalities';
import type { ListCallsQuery } from '$shared/schemas/calls';

export const PAGE_SIZE = 12;

/** Filters live in the URL (a GET form), so a filtered list can be bookmarked and shared. */
export function filtersFromUrl(url: URL) {
	const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
		const v = url.searchParams.get(name) ?? '';
		return (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
	};
	const status = url.searchParams.get('status') === 'all' ? ('all' as const) : (pick('status', CALL_STATUSES) ?? 'open');
	return {
		status,
		municipality: pick('municipality', MUNICIPALITY_CODES),
		domain: pick('domain', DOMAINS),
		q: (url.searchParams.get('q') ?? '').trim().slice(0, 200),
	};
}

export type Filters = ReturnType<typeof filtersFromUrl>;

export function queryOf(f: Filters, cursor?: string): ListCallsQuery {
	return {
		status: f.status === 'all' ? undefined : f.status,
		municipality: f.municipality,
		domain: f.domain,
		q: f.q || undefined,
		limit: PAGE_SIZE,
		cursor,
	};
}
