import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { esbuildOptionsFor } from '../../infra/constructs/bundling.js';
import { FUNCTION_ENTRIES, OUT_DIR, ROOT } from '../config.js';

export interface Bundle {
  name: string;
  entry: string;
  outfile: string;
  bytes: number;
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

/** Builds one bundle with exactly the options CDK's NodejsFunction uses (infra/constructs/bundling.ts). */
export async function buildBundle(name: string, entry: string, isBaseline: boolean): Promise<Bundle> {
  const slug = name.replace(/\W+/g, '-').replace(/-+$/, '');
  const outfile = join(OUT_DIR, 'bundles', slug, 'index.mjs');
  // metafile only adds the analysis output; it does not change what esbuild emits.
  const result = await build({ ...esbuildOptionsFor(entry, outfile), metafile: true, logLevel: 'error' });
  // Kept for a closer look (e.g. esbuild's bundle analyzer): bench/.out/bundles/<name>/meta.json.
  await writeFile(join(OUT_DIR, 'bundles', slug, 'meta.json'), JSON.stringify(result.metafile));
  const { size } = await stat(outfile);
  return { name, entry, outfile, bytes: size, metafile: result.metafile, isBaseline };
}

export async function buildAll(): Promise<Bundle[]> {
  const bundles: Bundle[] = [];
  for (const { name, entry, isBaseline } of bundleEntries()) bundles.push(await buildBundle(name, entry, isBaseline));
  return bundles;
}
