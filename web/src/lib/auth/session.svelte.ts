import type { Me } from '$shared/schemas/organisations';
import type { RouteId } from '$shared/api/contract';
import { routeAllows } from '$shared/api/route-access';
// Audience and roles per route, generated from the contract at build time (web/vite.config.ts).
import { routes } from 'virtual:route-paths';
import { api, configureApi, isApiError } from '$lib/api';
import { loadConfig } from '$lib/config';
import { syncUserLanguage } from '$lib/user-language';

/**
 * The signed-in user, one session for the whole browser: the token lives in localStorage, so it holds in
 * every tab (a Ctrl-click on «Mine utlysninger» opens signed in) and survives a reload, until the token
 * expires or the user signs out. The `storage` event carries sign-in and sign-out to the other tabs, so
 * signing out in one tab signs out everywhere at once. With Cognito a refresh token (rotated by the
 * hosted UI's token endpoint) renews the ID token shortly before it expires; one tab renews at a time.
 */
export const SESSION_KEY = 'itorget.session';
const LEGACY_KEY = 'itorget.token';

export interface StoredSession {
	token: string;
	/** Expiry of the token, ms since the epoch (from its `exp` claim). */
	expiresAt: number;
	/** Cognito only: the refresh token, rotated on every refresh. */
	refreshToken?: string;
}

class Session {
	token = $state<string | null>(null);
	me = $state<Me | null>(null);

	get role() {
		return this.me?.organisation.kind ?? null;
	}

	/** Whether the server's router would let this user call the route: the web asks this, not the role. */
	canUse(route: RouteId): boolean {
		return routeAllows(routes[route], this.role);
	}
}

/** The roles a route is for (empty: any signed-in user), to say who a page is for. */
export function rolesFor(route: RouteId) {
	return routes[route].roles ?? [];
}

export const session = new Session();

configureApi({
	baseUrl: async () => (await loadConfig()).apiBase,
	token: () => session.token,
	onUnauthorized: () => endSession(),
});

/** The `exp` claim of a JWT in ms; tokens without one are treated as valid for 12 hours. */
export function tokenExpiry(token: string, now = Date.now()): number {
	try {
		const payload = token.split('.')[1] ?? '';
		const json = JSON.parse(
			atob(
				payload
					.replace(/-/g, '+')
					.replace(/_/g, '/')
					.padEnd(Math.ceil(payload.length / 4) * 4, '='),
			),
		);
		if (typeof json.exp === 'number') return json.exp * 1000;
	} catch {
		// not a JWT we can read
	}
	return now + 12 * 3600_000;
}

function readStored(): StoredSession | null {
	try {
		const raw = localStorage.getItem(SESSION_KEY);
		if (!raw) return null;
		const s = JSON.parse(raw) as StoredSession;
		return typeof s?.token === 'string' && typeof s.expiresAt === 'number' ? s : null;
	} catch {
		return null;
	}
}

function writeStored(s: StoredSession | null): void {
	try {
		if (s) localStorage.setItem(SESSION_KEY, JSON.stringify(s));
		else localStorage.removeItem(SESSION_KEY);
		sessionStorage.removeItem(LEGACY_KEY);
	} catch {
		// storage disabled: the session lasts as long as this page
	}
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined;
/** Asks the Cognito token endpoint for a fresh token; set by the Cognito module when it is in use. */
let refresher: ((refreshToken: string) => Promise<{ token: string; refreshToken?: string }>) | null = null;

export function useRefresher(fn: typeof refresher): void {
	refresher = fn;
}

function scheduleExpiry(s: StoredSession): void {
	clearTimeout(expiryTimer);
	// Renew a minute early when we can; otherwise end the session when the token dies.
	const renewAt = s.refreshToken && refresher ? s.expiresAt - 60_000 : s.expiresAt;
	const delay = Math.max(0, renewAt - Date.now());
	// setTimeout overflows past ~24.8 days; such tokens are checked again on the next page load.
	if (delay > 2 ** 31 - 1) return;
	expiryTimer = setTimeout(() => void onExpiry(s), delay);
}

async function onExpiry(s: StoredSession): Promise<void> {
	if (s.refreshToken && refresher) {
		const renewed = await renew(s).catch(() => null);
		if (renewed) return;
	}
	// Another tab may have renewed meanwhile.
	const current = readStored();
	if (current && current.token !== s.token && current.expiresAt > Date.now()) return adopt(current);
	endSession();
}

/** One tab renews at a time (Web Locks where available); the others pick it up from storage. */
async function renew(s: StoredSession): Promise<boolean> {
	const run = async () => {
		const latest = readStored();
		if (latest && latest.token !== s.token && latest.expiresAt > Date.now() + 60_000) {
			await adopt(latest);
			return true;
		}
		const next = await refresher!(s.refreshToken!);
		const stored: StoredSession = { token: next.token, expiresAt: tokenExpiry(next.token), refreshToken: next.refreshToken ?? s.refreshToken };
		writeStored(stored);
		await adopt(stored);
		return true;
	};
	const locks = (navigator as Navigator & { locks?: { request: (name: string, cb: () => Promise<boolean>) => Promise<boolean> } }).locks;
	return locks ? locks.request('itorget.session.renew', run) : run();
}

/** Makes this tab use a stored session (from this tab or another). */
async function adopt(s: StoredSession): Promise<void> {
	const changed = session.token !== s.token;
	session.token = s.token;
	scheduleExpiry(s);
	if (!changed && session.me) return;
	try {
		session.me = (await api('getMe')).data;
		syncUserLanguage(session.me);
	} catch (e) {
		// 401 already ended the session; anything else (network) keeps the token for a later retry.
		if (!isApiError(e, 401)) console.warn('Could not load the signed-in user', e);
	}
}

function clearLocal(): void {
	clearTimeout(expiryTimer);
	session.token = null;
	session.me = null;
}

let restored = false;

/** Picks up the browser's session (once per app start) and follows it as other tabs change it. */
export async function restoreSession(): Promise<void> {
	if (restored) return;
	restored = true;
	window.addEventListener('storage', (event) => {
		if (event.key !== SESSION_KEY && event.key !== null) return;
		const s = readStored();
		if (!s || s.expiresAt <= Date.now()) clearLocal();
		else if (s.token !== session.token) void adopt(s);
	});
	const s = readStored();
	if (!s) return;
	if (s.expiresAt <= Date.now() && !(s.refreshToken && refresher)) {
		writeStored(null);
		return;
	}
	if (s.expiresAt <= Date.now() + 60_000 && s.refreshToken && refresher) {
		if (await renew(s).catch(() => false)) return;
		writeStored(null);
		return;
	}
	await adopt(s);
}

/** Stores a freshly issued token (for every tab) and loads who it belongs to. */
export async function startSession(token: string, refreshToken?: string): Promise<Me> {
	const stored: StoredSession = { token, expiresAt: tokenExpiry(token), ...(refreshToken ? { refreshToken } : {}) };
	session.token = token;
	try {
		const me = (await api('getMe')).data;
		session.me = me;
		writeStored(stored);
		syncUserLanguage(me);
		scheduleExpiry(stored);
		return me;
	} catch (e) {
		clearLocal();
		throw e;
	}
}

/** Signs out in this tab and, through the storage event, in every other tab of this browser. */
export function endSession(): void {
	clearLocal();
	writeStored(null);
}
