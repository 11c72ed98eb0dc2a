import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE, NODE_TARGET, esbuildOptionsFor, nodejsBundling } from '../../infra/constructs/bundling.js';

const dir = mkdtempSync(join(tmpdir(), 'bundling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('function bundling', () => {
  it('gives NodejsFunction and the benchmark the same esbuild settings', () => {
    const options = esbuildOptionsFor('entry.ts', 'out/index.mjs');
    expect(options).toMatchObject({
      bundle: true,
      format: nodejsBundling.format,
      target: nodejsBundling.target,
      minify: nodejsBundling.minify,
      sourcemap: nodejsBundling.sourceMap,
      sourcesContent: nodejsBundling.sourcesContent,
      external: nodejsBundling.externalModules,
      mainFields: nodejsBundling.mainFields,
      banner: { js: nodejsBundling.banner },
      platform: 'node',
    });
  });

  it('bundles the AWS SDK instead of relying on the copy in the Lambda runtime', () => {
    expect(nodejsBundling.externalModules).toEqual([]);
  });

  it('targets the Node version the functions run on', () => {
    expect(NODE_TARGET).toBe('node22');
    expect(BUNDLE.format).toBe('esm');
  });

  it('produces an ES module in which bundled CommonJS can still call require', async () => {
    const entry = join(dir, 'entry.ts');
    const outfile = join(dir, 'index.mjs');
    // typeof require is what CommonJS dependencies of the SDK rely on at load time.
    writeFileSync(entry, "export const handler = async () => typeof require === 'function' && require('node:os').EOL;");
    await build({ ...esbuildOptionsFor(entry, outfile), logLevel: 'silent' });
    const mod = (await import(pathToFileURL(outfile).href)) as { handler: () => Promise<string | false> };
    expect(await mod.handler()).toBe('\n');
  });
});
