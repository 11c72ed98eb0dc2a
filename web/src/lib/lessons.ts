import { DOMAINS, PROCEDURES } from '$shared/domain/vocabulary';
import { MUNICIPALITY_CODES } from '$shared/domain/municipalities';

export const LESSONS_PAGE_SIZE = 10;

/** The lessons registry's filters live in the URL (a GET form), like the call list's. */
export function lessonFiltersFromUrl(url: URL) {
	const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
		const v = url.searchParams.get(name) ?? '';
		return (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
	};
	const cpvRaw = (url.searchParams.get('cpv') ?? '').trim();
	return {
		domain: pick('domain', DOMAINS),
		municipality: pick('municipality', MUNICIPALITY_CODES),
		procedure: pick('procedure', PROCEDURES),
		q: (url.searchParams.get('q') ?? '').trim().slice(0, 200),
		cpvRaw,
		/** Only a well-formed prefix (2–8 digits) is sent; anything else is shown as an error. */
		cpv: /^\d{2,8}$/.test(cpvRaw) ? cpvRaw : undefined,
	};
}

export type LessonFilters = ReturnType<typeof lessonFiltersFromUrl>;

export function lessonQuery(f: LessonFilters, cursor?: string) {
	return {
		domain: f.domain,
		municipality: f.municipality,
		procedure: f.procedure,
		q: f.q || undefined,
		cpv: f.cpv,
		limit: LESSONS_PAGE_SIZE,
		cursor,
	};
}
