/**
 * How every Lambda bundle is built, as plain data and one function. The CDK functions (api-function.ts, local
 * bundling) and the benchmark (bench/) both call bundleFunction, so what gets measured is what gets deployed.
 * No runtime import of aws-cdk-lib: the bench can load it without pulling in the CDK.
 *
 * Why not NodejsFunction: it runs esbuild with --outfile, which rules out code splitting. Without splitting, every
 * `await import()` (S3, SES, the mail composer, the ZIP writer) is inlined in the one file and parsed at every
 * cold start; V8's module compile is most of a cold start (`node --cpu-prof`). With splitting they become chunks
 * that are read only when a request needs them. The HTTP handlers import each route's use case that way
 * (functions/http/handlers/calls.ts), so a function's entry holds the router and middlewares only.
 */
import { copyFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';

/** Matches the Lambda runtime in api-function.ts; change both together. */
export const NODE_TARGET = 'node22';

/** The AWS SDK's CommonJS dependencies call require(); ESM bundles have no require unless we make one. */
export const CREATE_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** The file Lambda loads (handler `index.handler`). */
export const ENTRY_FILE = 'index.mjs';

/**
 * Files the code reads beside itself at run time (`new URL('./name', import.meta.url)`), copied into every
 * bundle. Chunks sit in the bundle's root (no chunk folder), so the URL resolves the same from any of them.
 */
export const BUNDLE_ASSETS: readonly { from: string; to: string }[] = [
  // The official CPV list (~680 KB): read on first use by shared/data/cpv-list.ts, never parsed at import.
  { from: 'shared/data/cpv-2008.json', to: 'cpv-2008.json' },
];

/**
 * Worker threads' own entries, by output name, and the functions that start them
 * (`new Worker(new URL('./<name>.mjs', import.meta.url))`): bundled beside those functions' entries,
 * sharing their chunks.
 */
export const WORKER_ENTRIES = {
  // The partner slate ranks its calls on every core (functions/matching/rank-on-all-cores.ts).
  'rank-worker': 'functions/matching/rank-worker.ts',
} as const;
export type WorkerName = keyof typeof WORKER_ENTRIES;
const WORKERS_OF: Readonly<Record<string, readonly WorkerName[]>> = {
  'functions/http/entries/programme.ts': ['rank-worker'],
};

export const BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: NODE_TARGET,
  minify: true,
  sourcemap: true,
  // Stack traces only need mappings, not the original sources; this keeps the .map small to load.
  sourcesContent: false,
  // Nothing external: we bundle (and so pin) the AWS SDK instead of trusting the runtime's copy.
  external: [] as string[],
  // Prefer the ESM builds of dependencies so esbuild can tree-shake them.
  mainFields: ['module', 'main'],
  banner: CREATE_REQUIRE_BANNER,
  // Dynamic imports become chunks loaded on first use (see the file comment).
  splitting: true,
} as const;

/** esbuild options for one function: `<outdir>/index.mjs` (and its workers' entries) plus chunks and source maps. */
export function esbuildOptionsFor(entry: string, outdir: string, workers: readonly WorkerName[] = []): BuildOptions {
  return {
    entryPoints: { index: entry, ...Object.fromEntries(workers.map((name) => [name, WORKER_ENTRIES[name]])) },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    format: BUNDLE.format,
    platform: BUNDLE.platform,
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourcemap,
    sourcesContent: BUNDLE.sourcesContent,
    external: [...BUNDLE.external],
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
    splitting: BUNDLE.splitting,
  };
}

/**
 * Bundles one function into outdir and copies the run-time assets beside it. Synchronous because CDK's local
 * bundling (ILocalBundling.tryBundle) is.
 */
export function bundleFunction(entry: string, outdir: string, root: string): Metafile {
  const workers = WORKERS_OF[relative(root, entry).split(sep).join('/')] ?? [];
  const result = buildSync({ ...esbuildOptionsFor(entry, outdir, workers), absWorkingDir: root, metafile: true, logLevel: 'error' });
  for (const asset of BUNDLE_ASSETS) copyFileSync(join(root, asset.from), join(outdir, asset.to));
  return result.metafile;
}

/** The output files (relative to the root) a cold start loads: the entry and its static imports, transitively. */
export function initialOutputs(metafile: Metafile, outdir: string): string[] {
  const start = Object.keys(metafile.outputs).find((p) => p.endsWith(`/${ENTRY_FILE}`) || p === ENTRY_FILE);
  if (!start) throw new Error(`No ${ENTRY_FILE} among the outputs in ${outdir}`);
  return staticClosure(metafile, start);
}

/** An output file and what it imports statically, transitively (what importing it loads). */
export function staticClosure(metafile: Metafile, start: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imp of metafile.outputs[path]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(start);
  return [...seen];
}

/**
 * The chunks the router loads for one route (the use cases a handler imports on first use, see
 * functions/http/handlers/calls.ts): dynamic imports of the initial outputs whose entry point is project code.
 * Dependencies' own lazy chunks (the Secrets Manager client, the JWT verifier) are left out.
 */
export function routeChunks(metafile: Metafile, initial: readonly string[]): { chunk: string; entryPoint: string }[] {
  const chunks = new Set<string>();
  for (const path of initial) {
    for (const imp of metafile.outputs[path]?.imports ?? []) if (imp.kind === 'dynamic-import' && !imp.external) chunks.add(imp.path);
  }
  return [...chunks]
    .map((chunk) => ({ chunk, entryPoint: metafile.outputs[chunk]?.entryPoint ?? '' }))
    .filter((c) => c.entryPoint !== '' && !c.entryPoint.includes('node_modules/'));
}
