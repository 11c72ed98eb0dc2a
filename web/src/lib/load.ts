import { error } from '@sveltejs/kit';
import { ApiError, NetworkError } from '$lib/api';

/**
 * Turns an API failure inside a load function into SvelteKit's error page, with the problem in the
 * user's language (the error page offers to try again for 5xx and network failures).
 */
export function failLoad(e: unknown): never {
	if (e instanceof ApiError) error(e.status, { message: e.title, detail: e.detail });
	if (e instanceof NetworkError) error(503, { message: 'Network error', detail: e.detail });
	throw e;
}
