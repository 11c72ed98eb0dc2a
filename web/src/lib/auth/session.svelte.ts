import type { Me } from '$shared/schemas/organisations';
import { api, configureApi, isApiError } from '$lib/api';
import { loadConfig } from '$lib/config';

const TOKEN_KEY = 'itorget.token';

/**
 * The signed-in user. The token lives in sessionStorage: it survives reloads in this tab but not the
 * browser, and other tabs sign in separately, which is what a shared municipal PC wants.
 */
class Session {
	token = $state<string | null>(null);
	me = $state<Me | null>(null);

	get role() {
		return this.me?.organisation.kind ?? null;
	}
}

export const session = new Session();

configureApi({
	baseUrl: async () => (await loadConfig()).apiBase,
	token: () => session.token,
	onUnauthorized: () => clearSession(),
});

function readToken(): string | null {
	try {
		return sessionStorage.getItem(TOKEN_KEY);
	} catch {
		return null;
	}
}

function clearSession(): void {
	session.token = null;
	session.me = null;
	try {
		sessionStorage.removeItem(TOKEN_KEY);
	} catch {
		// storage disabled: nothing to clear
	}
}

let restored = false;

/** Picks up a token from an earlier page load and checks it against GET /api/me (once per app start). */
export async function restoreSession(): Promise<void> {
	if (restored) return;
	restored = true;
	const token = readToken();
	if (!token) return;
	session.token = token;
	try {
		session.me = (await api('getMe')).data;
	} catch (e) {
		// 401 already cleared the session; anything else (network) keeps the token for a later retry.
		if (!isApiError(e, 401)) console.warn('Could not restore session', e);
	}
}

/** Stores a freshly issued token and loads who it belongs to. */
export async function startSession(token: string): Promise<Me> {
	session.token = token;
	sessionStorage.setItem(TOKEN_KEY, token);
	try {
		const me = (await api('getMe')).data;
		session.me = me;
		return me;
	} catch (e) {
		clearSession();
		throw e;
	}
}

export function endSession(): void {
	clearSession();
}
