import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { ENTRY_FILE, bundleFunction, initialOutputs, routeChunks, staticClosure } from '../../infra/constructs/bundling.js';
import { FUNCTION_ENTRIES, OUT_DIR, ROOT } from '../config.js';

export interface Bundle {
  name: string;
  entry: string;
  outfile: string;
  /** What a cold start reads: the entry file and the chunks it imports statically (lazy chunks not counted). */
  bytes: number;
  /** Everything in the bundle's folder that is code, lazy chunks included. */
  totalBytes: number;
  metafile: Metafile;
  isBaseline: boolean;
  /**
   * The route whose first request loads the most on top of the entry: its use-case chunk (functions/http/handlers
   * import use cases on first use) and that chunk's static imports. Undefined when the bundle has no route chunks.
   */
  heaviestRoute?: { entryPoint: string; file: string; bytes: number };
}

export const BASELINE = 'baseline (SDK only)';

/** The entries to bundle: every deployed function plus the SDK-only baseline. */
export function bundleEntries(): { name: string; entry: string; isBaseline: boolean }[] {
  return [
    { name: BASELINE, entry: join(ROOT, 'bench/bundles/baseline-entry.ts'), isBaseline: true },
    ...FUNCTION_ENTRIES.map((name) => ({
      name,
      entry: join(ROOT, `functions/http/entries/${name}.ts`),
      isBaseline: false,
    })),
    // Deployed too, on a schedule rather than behind the API.
    { name: 'notifications job', entry: join(ROOT, 'functions/jobs/notifications.ts'), isBaseline: false },
  ];
}

/** Builds one bundle exactly as the CDK functions do (bundleFunction in infra/constructs/bundling.ts). */
export async function buildBundle(name: string, entry: string, isBaseline: boolean): Promise<Bundle> {
  const slug = name.replace(/\W+/g, '-').replace(/-+$/, '');
  const outdir = join(OUT_DIR, 'bundles', slug);
  await rm(outdir, { recursive: true, force: true });
  const metafile = bundleFunction(entry, outdir, ROOT);
  // Kept for a closer look (e.g. esbuild's bundle analyzer): bench/.out/bundles/<name>/meta.json.
  await writeFile(join(outdir, 'meta.json'), JSON.stringify(metafile));
  const sizeOf = async (paths: string[]) => (await Promise.all(paths.map(async (p) => (await stat(join(ROOT, p))).size))).reduce((a, b) => a + b, 0);
  const code = Object.keys(metafile.outputs).filter((p) => p.endsWith('.mjs'));
  const initial = initialOutputs(metafile, outdir);
  let heaviestRoute: Bundle['heaviestRoute'];
  for (const { chunk, entryPoint } of routeChunks(metafile, initial)) {
    const bytes = await sizeOf(staticClosure(metafile, chunk).filter((p) => !initial.includes(p)));
    if (!heaviestRoute || bytes > heaviestRoute.bytes) heaviestRoute = { entryPoint, file: join(ROOT, chunk), bytes };
  }
  // esbuild names outputs relative to the working directory; the bench runs from the repository root.
  return {
    name,
    entry,
    outfile: join(outdir, ENTRY_FILE),
    bytes: await sizeOf(initial),
    totalBytes: await sizeOf(code),
    metafile,
    isBaseline,
    heaviestRoute,
  };
}

export async function buildAll(): Promise<Bundle[]> {
  const bundles: Bundle[] = [];
  for (const { name, entry, isBaseline } of bundleEntries()) bundles.push(await buildBundle(name, entry, isBaseline));
  return bundles;
}
