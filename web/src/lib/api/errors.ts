import type { Problem } from '$shared/schemas/common';
import type { ProblemSlug } from '$shared/api/problems';
import { m } from '$lib/paraglide/messages';

export type FieldErrors = Record<string, string>;

/**
 * An API failure as the UI needs it: the problem's type and parameters (rendered in the user's language
 * by `detail`), and field errors keyed by dotted path (`budgetNok.max`, `cpvCodes.2`) so forms can put
 * each next to its input. The server's English `detail` is kept as `serverDetail`, for logs only.
 */
export class ApiError extends Error {
	readonly status: number;
	readonly title: string;
	readonly type: string | undefined;
	readonly slug: ProblemSlug | undefined;
	readonly params: Record<string, unknown>;
	readonly serverDetail: string;
	readonly errors: { path: string; message: string }[];

	/** What happened in the user's language, rendered by the client (lib/api/problems.ts) when it failed. */
	private readonly text: string;

	constructor(status: number, problem: Partial<Problem> | undefined, words?: { text: string; field: (message: string) => string }) {
		const serverDetail = problem?.detail ?? problem?.title ?? `HTTP ${status}`;
		super(serverDetail);
		this.name = 'ApiError';
		this.status = status;
		this.title = problem?.title ?? `HTTP ${status}`;
		this.type = problem?.type;
		// The slug at the end of the type URI (shared/api/problems.ts); unknown slugs simply match nothing.
		this.slug = problem?.type ? (problem.type.slice(Math.max(problem.type.lastIndexOf(':'), problem.type.lastIndexOf('/')) + 1) as ProblemSlug) : undefined;
		this.params = (problem?.params as Record<string, unknown> | undefined) ?? {};
		this.serverDetail = serverDetail;
		this.text = words?.text ?? m.problem_status_generic({ status: String(status) });
		this.errors = (problem?.errors ?? []).map((e) => ({ path: normalisePath(e.path), message: words ? words.field(e.message) : e.message }));
	}

	/** What happened, in the user's language (from `type` + `params`, never the English detail). */
	get detail(): string {
		return this.text;
	}

	get fieldErrors(): FieldErrors {
		const out: FieldErrors = {};
		for (const e of this.errors) out[e.path] ??= e.message;
		return out;
	}
}

/** A network failure (no response at all), kept apart so pages can say "check your connection". */
export class NetworkError extends Error {
	constructor(cause: unknown) {
		super('Network request failed', { cause });
		this.name = 'NetworkError';
	}

	get detail(): string {
		return m.problem_network();
	}
}

/** Any failure as one sentence in the user's language. */
export function errorText(e: unknown, fallback: () => string = () => m.action_failed()): string {
	if (e instanceof ApiError || e instanceof NetworkError) return e.detail;
	return fallback();
}

/** Accepts `/budgetNok/max` (JSON Pointer), `body.budgetNok.max` or `budgetNok.max`. */
function normalisePath(path: string): string {
	return path
		.replace(/^\//, '')
		.replaceAll('/', '.')
		.replace(/^body\./, '');
}

export function isApiError(e: unknown, status?: number): e is ApiError {
	return e instanceof ApiError && (status === undefined || e.status === status);
}
