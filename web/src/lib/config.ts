import * as z from 'zod/mini';

const authSchema = z.discriminatedUnion('mode', [
	z.object({ mode: z.literal('local') }),
	z.object({
		mode: z.literal('cognito'),
		region: z.string(),
		userPoolId: z.string(),
		clientId: z.string(),
		domain: z.string(),
	}),
]);

/** `demo: true` marks an installation that serves demo data: every page says so. */
export const runtimeConfigSchema = z.object({ apiBase: z.string(), auth: authSchema, demo: z.optional(z.boolean()) });
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export type CognitoConfig = Extract<RuntimeConfig['auth'], { mode: 'cognito' }>;

let current: RuntimeConfig | undefined;
let pending: Promise<RuntimeConfig> | undefined;

/**
 * One static build serves the local server and AWS; what differs (API origin, sign-in) is read from
 * /config.json once at start-up rather than baked in at build time.
 */
export function loadConfig(): Promise<RuntimeConfig> {
	pending ??= (async () => {
		const res = await fetch('/config.json', { headers: { accept: 'application/json' } });
		if (!res.ok) throw new Error(`/config.json answered ${res.status}`);
		const parsed = runtimeConfigSchema.safeParse(await res.json());
		if (!parsed.success) throw new Error('/config.json does not match the expected shape');
		// A trailing slash would double up with the contract paths, which all start with /api.
		current = { ...parsed.data, apiBase: parsed.data.apiBase.replace(/\/+$/, '') };
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
