import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { ENTRY_FILE, bundleFunction, initialOutputs } from '../../infra/constructs/bundling.js';
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
  const sizeOf = async (paths: string[]) =>
    (await Promise.all(paths.map(async (p) => (await stat(join(ROOT, p))).size))).reduce((a, b) => a + b, 0);
  const code = Object.keys(metafile.outputs).filter((p) => p.endsWith('.mjs'));
  // esbuild names outputs relative to the working directory; the bench runs from the repository root.
  return {
    name,
    entry,
    outfile: join(outdir, ENTRY_FILE),
    bytes: await sizeOf(initialOutputs(metafile, outdir)),
    totalBytes: await sizeOf(code),
    metafile,
    isBaseline,
  };
}

export async function buildAll(): Promise<Bundle[]> {
  const bundles: Bundle[] = [];
  for (const { name, entry, isBaseline } of bundleEntries()) bundles.push(await buildBundle(name, entry, isBaseline));
  return bundles;
}
