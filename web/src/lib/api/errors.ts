import type { Problem } from '$shared/schemas/common';

export type FieldErrors = Record<string, string>;

/**
 * An API failure as the UI needs it: the problem+json `detail` to show, and field errors keyed by
 * dotted path (`budgetNok.max`, `cpvCodes.2`) so forms can put each next to its input.
 */
export class ApiError extends Error {
	readonly status: number;
	readonly title: string;
	readonly detail: string;
	/** The problem type (e.g. …:impartiality-required). */
	readonly type: string;
	readonly errors: { path: string; message: string }[];

	constructor(status: number, problem: Partial<Problem> | undefined) {
		const detail = problem?.detail ?? problem?.title ?? `HTTP ${status}`;
		super(detail);
		this.name = 'ApiError';
		this.status = status;
		this.title = problem?.title ?? `HTTP ${status}`;
		this.type = problem?.type ?? 'about:blank';
		this.detail = detail;
		this.errors = (problem?.errors ?? []).map((e) => ({ path: normalisePath(e.path), message: e.message }));
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
