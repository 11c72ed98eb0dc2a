import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { defineConfig } from 'vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';
import { routes } from '../shared/api/contract.js';

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
          return undefined;
        },
            // Chunks under 2 kB (mostly single messages) merge into a neighbour: fewer requests. Not more:
            // at 20 kB Rollup merged the static pages (om, personvern…) into the layout's chunk, so every page
            // downloaded them (bench/web).
        experimentalMinChunkSize: 2_000,
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
  const roots = [...getModuleIds()].filter((m) => /(generated\/client-optimized\/(app|nodes\/[01])\.js)$/.test(m));
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
