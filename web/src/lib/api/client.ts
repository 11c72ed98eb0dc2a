import type * as z from 'zod/mini';
import type { RouteId, Routes } from '$shared/api/contract';
// Method and path per route, generated from the contract at build time (web/vite.config.ts).
import { routes } from 'virtual:route-paths';
import { ApiError, NetworkError } from './errors';

type Spec<R extends RouteId> = Routes[R];
type Schema<R extends RouteId, K extends string> = Spec<R> extends { [P in K]: infer S extends z.ZodMiniType } ? S : never;

/** What the route answers with (void for 204 routes without a response schema). */
export type ResponseOf<R extends RouteId> = [Schema<R, 'response'>] extends [never] ? void : z.output<Schema<R, 'response'>>;
export type BodyOf<R extends RouteId> = z.input<Schema<R, 'body'>>;
export type ParamsOf<R extends RouteId> = z.input<Schema<R, 'params'>>;
export type QueryOf<R extends RouteId> = z.input<Schema<R, 'query'>>;

type Has<R extends RouteId, K extends string> = Spec<R> extends { [P in K]: z.ZodMiniType } ? true : false;

/** params and body are required exactly when the contract declares them; query is always optional. */
export type RequestOptions<R extends RouteId> = (Has<R, 'params'> extends true ? { params: ParamsOf<R> } : { params?: never }) &
	(Has<R, 'body'> extends true ? { body: BodyOf<R> } : { body?: never }) &
	(Has<R, 'query'> extends true ? { query?: Partial<QueryOf<R>> } : { query?: never }) & {
		headers?: Record<string, string>;
		signal?: AbortSignal;
	};

export interface ApiResult<T> {
	data: T;
	status: number;
	/** The ETag header, used as If-Match for optimistic concurrency on PATCH. */
	etag: string | null;
}

type ArgsOf<R extends RouteId> = Has<R, 'params'> extends true ? [RequestOptions<R>] : Has<R, 'body'> extends true ? [RequestOptions<R>] : [RequestOptions<R>?];

interface ClientSettings {
	/** Resolves the API origin; awaited per request so no call can run before /config.json is read. */
	baseUrl: () => string | Promise<string>;
	token: () => string | null;
	/** Called when a request that carried a token is answered 401 (expired or revoked session). */
	onUnauthorized: () => void;
}

let settings: ClientSettings = { baseUrl: () => '', token: () => null, onUnauthorized: () => {} };

export function configureApi(next: Partial<ClientSettings>): void {
	settings = { ...settings, ...next };
}

/** Fills `{name}` placeholders of a contract path; values are URI-encoded. */
export function buildPath(template: string, params: Record<string, unknown> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = params[name];
		if (value === undefined || value === null || value === '') throw new Error(`Missing path parameter ${name}`);
		return encodeURIComponent(String(value));
	});
}

function queryString(query: Record<string, unknown> | undefined): string {
	if (!query) return '';
	const search = new URLSearchParams();
	for (const [k, v] of Object.entries(query)) {
		if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
	}
	const s = search.toString();
	return s ? `?${s}` : '';
}

/**
 * Calls one route of the contract by its id. Paths, methods and types all come from shared/api/contract,
 * so the client cannot drift from the server's route table. Failures throw ApiError (problem+json) or
 * NetworkError.
 */
export async function api<R extends RouteId>(id: R, ...args: ArgsOf<R>): Promise<ApiResult<ResponseOf<R>>> {
	const spec: { method: string; path: string } = routes[id];
	const opts = (args[0] ?? {}) as {
		params?: Record<string, unknown>;
		body?: unknown;
		query?: Record<string, unknown>;
		headers?: Record<string, string>;
		signal?: AbortSignal;
	};
	const url = (await settings.baseUrl()) + buildPath(spec.path, opts.params) + queryString(opts.query);

	const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...opts.headers };
	const token = settings.token();
	if (token) headers.authorization = `Bearer ${token}`;
	if (opts.body !== undefined) headers['content-type'] = 'application/json';

	let res: Response;
	try {
		res = await fetch(url, {
			method: spec.method,
			headers,
			body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
			signal: opts.signal,
		});
	} catch (e) {
		if ((e as Error)?.name === 'AbortError') throw e;
		throw new NetworkError(e);
	}

	if (!res.ok) {
		if (res.status === 401 && token) settings.onUnauthorized();
		const problem = await readProblem(res);
		// The words for problems load only when something has failed (they are not needed on a good day).
		const [{ problemMessage, fieldMessage }, { i18n }] = await Promise.all([import('./problems'), import('$lib/i18n.svelte')]);
		throw new ApiError(res.status, problem, {
			text: problemMessage(res.status, problem?.type, problem?.params as Record<string, unknown> | undefined),
			field: (message) => fieldMessage(message, i18n.locale),
		});
	}

	const text = res.status === 204 ? '' : await res.text();
	return {
		data: (text ? JSON.parse(text) : undefined) as ResponseOf<R>,
		status: res.status,
		etag: res.headers.get('etag'),
	};
}

async function readProblem(res: Response) {
	const type = res.headers.get('content-type') ?? '';
	if (!type.includes('json')) return undefined;
	try {
		return (await res.json()) as Record<string, never>;
	} catch {
		return undefined;
	}
}
