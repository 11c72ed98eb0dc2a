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
    ],
    // Fewer, larger chunks: each small module costs a request (and, over HTTP/1.1 locally, a connection
    // slot) before the first paint. Rollup merges chunks under this size into their importers.
    build: { rollupOptions: { output: { experimentalMinChunkSize: 20_000 } } },
    server: { fs: { allow: [fileURLToPath(new URL('../shared', import.meta.url))] } },
  };
});
