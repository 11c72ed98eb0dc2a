import type { LayoutLoad } from './$types';
import { loadConfig } from '$lib/config';
import { restoreSession, useRefresher } from '$lib/auth/session.svelte';
import { refreshCognito } from '$lib/auth/cognito';

// A pure SPA: one static build serves every environment, configured at run time by /config.json.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

export const load: LayoutLoad = async () => {
	const config = await loadConfig();
	const auth = config.auth;
	if (auth.mode === 'cognito') useRefresher((refreshToken) => refreshCognito(auth, refreshToken));
	await restoreSession();
	return { authMode: config.auth.mode };
};
