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
    outputOptions: (options) =>
      ssr
        ? options
        : {
            ...options,
            // Svelte's and SvelteKit's client runtime as one chunk: every page needs it, and one file
            // compresses better than the dozen small chunks Rollup would cut it into (each is gzipped alone).
            manualChunks: (id: string) =>
              /node_modules\/(svelte|@sveltejs\/kit|esm-env|clsx)\//.test(id)
                ? 'framework'
                : // Sign-in with Cognito, for the sign-in pages and on use: left to the size merge below, Rollup
                  // put it with a message every public page needs (bench/web), so every visitor downloaded it.
                  id.endsWith('/src/lib/auth/cognito.ts')
                  ? 'cognito'
                  : undefined,
            // Chunks under 2 kB (mostly single messages) merge into a neighbour: fewer requests. Not more:
            // at 20 kB Rollup merged the static pages (om, personvern…) into the layout's chunk, so every page
            // downloaded them (bench/web).
            experimentalMinChunkSize: 2_000,
          },
  };
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
