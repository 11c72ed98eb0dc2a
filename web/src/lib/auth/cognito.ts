import type { CognitoConfig } from '$lib/config';

/**
 * Cognito hosted UI with the authorization-code flow and PKCE (RFC 7636): no client secret in the
 * browser, and the code is useless without the verifier kept in this tab's sessionStorage.
 */
const PKCE_KEY = 'itorget.pkce';

interface PendingLogin {
	verifier: string;
	state: string;
	next: string;
}

function hostedUiBase(c: CognitoConfig): string {
	// Accept a full domain (custom or amazoncognito.com) or just the prefix.
	const host = c.domain.includes('.') ? c.domain : `${c.domain}.auth.${c.region}.amazoncognito.com`;
	return host.startsWith('http') ? host.replace(/\/+$/, '') : `https://${host}`;
}

function redirectUri(): string {
	return `${location.origin}/auth/callback`;
}

function base64url(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32): string {
	return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
	return base64url(new Uint8Array(digest));
}

export async function beginCognitoLogin(c: CognitoConfig, next: string): Promise<void> {
	const pending: PendingLogin = { verifier: randomString(), state: randomString(16), next };
	sessionStorage.setItem(PKCE_KEY, JSON.stringify(pending));
	const url = new URL(`${hostedUiBase(c)}/oauth2/authorize`);
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: c.clientId,
		redirect_uri: redirectUri(),
		scope: 'openid email profile',
		state: pending.state,
		code_challenge_method: 'S256',
		code_challenge: await challengeOf(pending.verifier),
	}).toString();
	location.assign(url.toString());
}

/**
 * Exchanges the code from the callback URL for tokens. Returns the ID token (its audience is the app
 * client, which the API's JWT authorizer is configured with, and it carries the user's attributes)
 * and where to go next.
 */
export async function completeCognitoLogin(c: CognitoConfig, callback: URL): Promise<{ token: string; refreshToken?: string; next: string }> {
	const raw = sessionStorage.getItem(PKCE_KEY);
	sessionStorage.removeItem(PKCE_KEY);
	if (!raw) throw new Error('No sign-in in progress in this tab');
	const pending = JSON.parse(raw) as PendingLogin;

	const error = callback.searchParams.get('error');
	if (error) throw new Error(callback.searchParams.get('error_description') ?? error);
	const code = callback.searchParams.get('code');
	if (!code || callback.searchParams.get('state') !== pending.state) throw new Error('Invalid sign-in response');

	const res = await fetch(`${hostedUiBase(c)}/oauth2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			client_id: c.clientId,
			code,
			redirect_uri: redirectUri(),
			code_verifier: pending.verifier,
		}),
	});
	if (!res.ok) throw new Error(`Token endpoint answered ${res.status}`);
	const tokens = (await res.json()) as { id_token?: string; access_token?: string; refresh_token?: string };
	const token = tokens.id_token ?? tokens.access_token;
	if (!token) throw new Error('No token in the token response');
	return { token, refreshToken: tokens.refresh_token, next: safeNext(pending.next) };
}

/**
 * A new ID token for a refresh token (grant_type=refresh_token). With refresh token rotation on the app
 * client, Cognito answers with a new refresh token too, and the old one stops working.
 */
export async function refreshCognito(c: CognitoConfig, refreshToken: string): Promise<{ token: string; refreshToken?: string }> {
	const res = await fetch(`${hostedUiBase(c)}/oauth2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'refresh_token', client_id: c.clientId, refresh_token: refreshToken }),
	});
	if (!res.ok) throw new Error(`Token endpoint answered ${res.status}`);
	const tokens = (await res.json()) as { id_token?: string; access_token?: string; refresh_token?: string };
	const token = tokens.id_token ?? tokens.access_token;
	if (!token) throw new Error('No token in the token response');
	return { token, refreshToken: tokens.refresh_token };
}

export function cognitoLogoutUrl(c: CognitoConfig): string {
	const url = new URL(`${hostedUiBase(c)}/logout`);
	url.search = new URLSearchParams({ client_id: c.clientId, logout_uri: `${location.origin}/` }).toString();
	return url.toString();
}

/** Only same-site paths: a crafted ?next= must not send the user to another origin. */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/logg-inn')) return '/';
	return next;
}
