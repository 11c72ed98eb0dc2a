import type { LayoutLoad } from './$types';
import { loadConfig } from '$lib/config';
import { restoreSession } from '$lib/auth/session.svelte';

// A pure SPA: one static build serves every environment, configured at run time by /config.json.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

export const load: LayoutLoad = async () => {
	const config = await loadConfig();
	await restoreSession();
	return { authMode: config.auth.mode, demo: config.demo === true };
};
