import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { defineConfig } from 'vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';
import { routes } from '../shared/api/contract.js';
import { PUBLIC_ROUTES } from '../shared/site-pages.js';

/**
 * The browser needs only each route's method and path, not the zod schemas the contract carries for
 * the server (most of the weight). This virtual module is that table, generated from the contract at
 * build time, so the client still cannot drift from the server's routes.
 */
function routePaths(): Plugin {
	const id = 'virtual:route-paths';
	return {
		name: 'innovasjonstorget-route-paths',
		resolveId: (source) => (source === id ? `\0${id}` : undefined),
		load(source) {
			if (source !== `\0${id}`) return undefined;
			const table = Object.fromEntries(
				Object.entries(routes).map(([k, r]) => [k, { method: r.method, path: r.path, audience: r.audience, roles: 'roles' in r ? r.roles : undefined }]),
			);
			return `export const routes = ${JSON.stringify(table)};`;
		},
	};
}

/**
 * How the browser's scripts are cut. Only the client build: in the server build (prerendering) merging a
 * +page.ts into a neighbour renames its exports, which SvelteKit then refuses.
 */
function clientChunks(): Plugin {
	let ssr = false;
	return {
		name: 'innovasjonstorget-client-chunks',
		apply: 'build',
		configResolved: (config) => {
			ssr = !!config.build.ssr;
		},
		outputOptions: (options) => {
			if (ssr) return options;
			let baseMessages: Set<string> | undefined;
			let calls: Set<string> | undefined;
			let call: Set<string> | undefined;
			return {
				...options,
				manualChunks: (id: string, { getModuleIds, getModuleInfo }) => {
					// Svelte's and SvelteKit's client runtime as one chunk: every page needs it, and one file
					// compresses better than the dozen small chunks Rollup would cut it into (each is gzipped alone).
					if (/node_modules\/(svelte|@sveltejs\/kit|esm-env|clsx)\//.test(id)) return 'framework';
					// Sign-in with Cognito, for the sign-in pages and on use: left to the size merge below, Rollup
					// put it with a message every public page needs (bench/web), so every visitor downloaded it.
					if (id.endsWith('/src/lib/auth/cognito.ts')) return 'cognito';
					// Paraglide's runtime and the messages the base uses (layout, header, error page, api errors) join
					// the framework chunk. Left to the size merge, they made a chunk of their own onto which Rollup
					// merged messages of other pages («riders»: the call form's labels, the front page's filters).
					baseMessages ??= messagesOf(baseModules(getModuleIds, getModuleInfo), getModuleInfo);
					if (id.endsWith('/src/lib/paraglide/runtime.js') || id.endsWith('/src/lib/paraglide/registry.js') || baseMessages.has(id)) return 'framework';
					// Vite's helper for `import()`, which the base needs (Lazy.svelte, the error page's words): alone it is
					// under the size merge's threshold, and the chunk Rollup merged it into took other pages' words along.
					if (id === '\0vite/preload-helper.js') return 'framework';
					// What the two heaviest public pages, the front page and a call, both use beyond the base (status
					// badge, countdown, Alert, Lazy, procedure labels and their words): one file instead of a dozen
					// tiny ones, each gzipped alone (bench/web: −1 KB on each).
					calls ??= sharedBy(PUBLIC_PAIR, getModuleIds, getModuleInfo, baseMessages);
					if (calls.has(id)) return 'calls';
					// The same for what, of the public pages, only the call page uses (its words, labels shared with the
					// signed-in forms): one file. Not what other public pages use, or they would load all of it.
					call ??= sharedBy(PUBLIC_PAIR.slice(1), getModuleIds, getModuleInfo, baseMessages, OTHER_PUBLIC_PAGES);
					if (call.has(id)) return 'call';
					return undefined;
				},
				// No size merge: it put small chunks onto pages that do not use them («riders»: other pages' words
				// on the call page, the front page's on the base); the groups above keep the file count down where it
				// counts. At 2 kB the call page had 3–4 KB of riders and per-file overhead; at 20 kB Rollup merged the
				// static pages (om, personvern…) into the layout's chunk, so every page downloaded them (bench/web).
				experimentalMinChunkSize: 0,
			};
		},
	};
}

type ModuleInfoOf = (id: string) => { importedIds: readonly string[]; code: string | null } | null;

/**
 * The modules every route loads: SvelteKit's client entry, the app entry and the root layout and error
 * page, with what they import statically. The paraglide message barrel is not followed (it imports every
 * message); which messages the base uses is read from its code instead (messagesOf).
 */
function baseModules(getModuleIds: () => IterableIterator<string>, getModuleInfo: ModuleInfoOf): Set<string> {
	return staticClosure(
		[...getModuleIds()].filter((m) => /(generated\/client-optimized\/(app|nodes\/[01])\.js)$/.test(m)),
		getModuleInfo,
	);
}

/** These modules and what they import statically, without following the message barrel or node_modules. */
function staticClosure(roots: string[], getModuleInfo: ModuleInfoOf): Set<string> {
	const seen = new Set<string>();
	const todo = [...roots];
	while (todo.length) {
		const m = todo.pop()!;
		if (seen.has(m) || m.includes('/src/lib/paraglide/') || m.includes('/node_modules/')) continue;
		seen.add(m);
		todo.push(...(getModuleInfo(m)?.importedIds ?? []));
	}
	return seen;
}

const pageModule = (route: string) => `/src/routes${route === '/' ? '' : route}/+page.svelte`;
/** The pages whose common modules share one chunk (clientChunks): the front page and the call page. */
const PUBLIC_PAIR = ['/', '/utlysninger/[id]'].map(pageModule);
/** Every other page anyone may open (PUBLIC_ROUTES, which bench/web budgets): the call page's own chunk leaves their modules out. */
const OTHER_PUBLIC_PAGES = PUBLIC_ROUTES.map(pageModule).filter((p) => p !== PUBLIC_PAIR[1]);

/** Modules, and the messages they call, that every one of these pages imports statically and the base does not. */
function sharedBy(
	pages: string[],
	getModuleIds: () => IterableIterator<string>,
	getModuleInfo: ModuleInfoOf,
	baseMessages: Set<string>,
	except: string[] = [],
): Set<string> {
	const ids = [...getModuleIds()];
	const base = baseModules(() => ids.values(), getModuleInfo);
	const used = (pages: string[]) => {
		const reach = staticClosure(
			ids.filter((m) => pages.some((p) => m.endsWith(p))),
			getModuleInfo,
		);
		return new Set([...reach, ...messagesOf(reach, getModuleInfo)]);
	};
	const sets = pages.map((page) => used([page]));
	const others = used(except);
	return new Set(
		[...sets[0]!].filter(
			(m) =>
				sets.every((s) => s.has(m)) &&
				!others.has(m) &&
				!base.has(m) &&
				!baseMessages.has(m) &&
				!m.includes('?') &&
				!pages.some((p) => m.endsWith(p)) &&
				!importsBarrel(m, getModuleInfo),
		),
	);
}

/**
 * Whether a module reaches the message barrel (every Svelte component with words does). Rollup moves a manual
 * chunk's static dependencies into it, so such a module would take all the messages along.
 */
function importsBarrel(id: string, getModuleInfo: ModuleInfoOf, seen = new Set<string>()): boolean {
	if (/\/paraglide\/(messages|messages\/_index)\.js$/.test(id)) return true;
	if (seen.has(id) || id.includes('/node_modules/')) return false;
	seen.add(id);
	return (getModuleInfo(id)?.importedIds ?? []).some((d) => importsBarrel(d, getModuleInfo, seen));
}

/** The message modules these modules call (`m.key(` in their compiled code). */
function messagesOf(modules: Set<string>, getModuleInfo: ModuleInfoOf): Set<string> {
	const dir = fileURLToPath(new URL('./src/lib/paraglide/messages/', import.meta.url));
	const out = new Set<string>();
	for (const m of modules) {
		for (const [, key] of (getModuleInfo(m)?.code ?? '').matchAll(/\bm\.(\w+)\(/g)) out.add(`${dir}${key}.js`);
	}
	return out;
}

const webDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The root script runs `vite build --config web/vite.config.ts` from the repository root, but SvelteKit
 * takes its project root (svelte.config.js, src/, .svelte-kit/, build/) from process.cwd(), captured when
 * '@sveltejs/kit/vite' is first evaluated. So: move into web/ first, then import the kit plugin lazily.
 */
export default defineConfig(async () => {
	// SvelteKit also re-reads this file in worker threads, where chdir is not allowed (and cwd is already web/).
	if (isMainThread && resolve(process.cwd()) !== resolve(webDir)) process.chdir(webDir);
	const { sveltekit } = await import('@sveltejs/kit/vite');
	return {
		plugins: [
			routePaths(),
			paraglideVitePlugin({
				project: `${webDir}project.inlang`,
				outdir: `${webDir}src/lib/paraglide`,
				// Bokmål unless the visitor chose English; the choice is kept in localStorage.
				strategy: ['localStorage', 'baseLocale'],
			}),
			sveltekit(),
			clientChunks(),
		],
		server: { fs: { allow: [fileURLToPath(new URL('../shared', import.meta.url))] } },
	};
});
