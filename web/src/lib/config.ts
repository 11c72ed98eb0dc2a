/**
 * One static build serves the local server and AWS; what differs (API origin, sign-in) is read from
 * /config.json once at start-up rather than baked in at build time. Checked by hand (no zod here: this
 * runs on every page before anything else, and every kilobyte counts on a phone).
 */
export interface CognitoConfig {
	mode: 'cognito';
	region: string;
	userPoolId: string;
	clientId: string;
	domain: string;
}
export interface RuntimeConfig {
	apiBase: string;
	auth: { mode: 'local' } | CognitoConfig;
	/** `demo: true` marks an installation that serves demo data: every page says so. */
	demo?: boolean;
}

const isString = (v: unknown): v is string => typeof v === 'string';

export function parseRuntimeConfig(raw: unknown): RuntimeConfig | null {
	if (!raw || typeof raw !== 'object') return null;
	const { apiBase, auth, demo } = raw as { apiBase?: unknown; auth?: Record<string, unknown>; demo?: unknown };
	if (!isString(apiBase) || !auth || typeof auth !== 'object') return null;
	const flags = demo === true ? { demo: true } : {};
	if (auth.mode === 'local') return { apiBase, auth: { mode: 'local' }, ...flags };
	if (auth.mode === 'cognito' && [auth.region, auth.userPoolId, auth.clientId, auth.domain].every(isString)) {
		return {
			apiBase,
			auth: {
				mode: 'cognito',
				region: auth.region as string,
				userPoolId: auth.userPoolId as string,
				clientId: auth.clientId as string,
				domain: auth.domain as string,
			},
			...flags,
		};
	}
	return null;
}

let current: RuntimeConfig | undefined;
let pending: Promise<RuntimeConfig> | undefined;

export function loadConfig(): Promise<RuntimeConfig> {
	pending ??= (async () => {
		const res = await fetch('/config.json', { headers: { accept: 'application/json' } });
		if (!res.ok) throw new Error(`/config.json answered ${res.status}`);
		const parsed = parseRuntimeConfig(await res.json());
		if (!parsed) throw new Error('/config.json does not match the expected shape');
		// A trailing slash would double up with the contract paths, which all start with /api.
		current = { ...parsed, apiBase: parsed.apiBase.replace(/\/+$/, '') };
		return current;
	})();
	pending.catch(() => (pending = undefined));
	return pending;
}

/** The loaded config; only valid after the root layout's load has run. */
export function config(): RuntimeConfig {
	if (!current) throw new Error('Runtime config not loaded yet');
	return current;
}
