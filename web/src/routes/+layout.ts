import type { LayoutLoad } from './$types';
import { browser } from '$app/environment';
import { loadConfig } from '$lib/config';
import { restoreSession, useRefresher } from '$lib/auth/session.svelte';

// An SPA: one static build serves every environment, configured at run time by /config.json. Static
// pages (front page frame, om, åpne data, tilgjengelighet, personvern, kontakt) turn ssr and prerender on
// for themselves and are HTML before any script runs.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

export const load: LayoutLoad = async () => {
	// While prerendering there is no config, no session and no API: the page renders signed out.
	if (!browser) return { authMode: null };
	const config = await loadConfig();
	const auth = config.auth;
	// The Cognito module loads on the first refresh, so local installations and first paints go without it.
	if (auth.mode === 'cognito') useRefresher(async (refreshToken) => (await import('$lib/auth/cognito')).refreshCognito(auth, refreshToken));
	await restoreSession();
	return { authMode: config.auth.mode, demo: config.demo === true };
};
