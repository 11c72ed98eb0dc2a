import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiFunction } from '../../infra/constructs/api-function.js';
import { BUNDLE, BUNDLE_ASSETS, NODE_TARGET, bundleFunction, initialOutputs } from '../../infra/constructs/bundling.js';
import { MatchIndex } from '../../shared/matching/match-index.js';
import { call as callArb, profiles } from '../unit/shared/matching/arbitraries.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'bundling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('function bundling', () => {
  it('bundles the AWS SDK instead of relying on the copy in the Lambda runtime', () => {
    expect(BUNDLE.external).toEqual([]);
  });

  it('gives every function its own bundle when CDK bundles for real', () => {
    const app = new App({ outdir: join(dir, 'cdk.out') });
    const stack = new Stack(app, 'Bundles');
    new ApiFunction(stack, 'Docs', { entry: 'functions/http/entries/docs.ts' });
    new ApiFunction(stack, 'Verifier', { entry: 'functions/jobs/verify-upload.ts' });
    const keys = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function')).map(
      (f) => (f as { Properties: { Code: { S3Key: unknown } } }).Properties.Code.S3Key,
    );
    expect(keys).toHaveLength(2);
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(2);
  });

  it('targets the Node version the functions run on', () => {
    expect(NODE_TARGET).toBe('node22');
    expect(BUNDLE.format).toBe('esm');
  });

  it('produces an ES module in which bundled CommonJS can still call require', async () => {
    const entry = join(dir, 'entry.ts');
    const outdir = join(dir, 'require');
    // typeof require is what CommonJS dependencies of the SDK rely on at load time.
    writeFileSync(entry, "export const handler = async () => typeof require === 'function' && require('node:os').EOL;");
    bundleFunction(entry, outdir, root);
    const mod = (await import(pathToFileURL(join(outdir, 'index.mjs')).href)) as { handler: () => Promise<string | false> };
    expect(await mod.handler()).toBe('\n');
  });

  it('puts dynamic imports in chunks a cold start does not load, and the run-time assets beside them', async () => {
    const outdir = join(dir, 'cpv');
    writeFileSync(join(dir, 'lazy.ts'), 'export const answer = () => 42;');
    writeFileSync(
      join(dir, 'cpv-entry.ts'),
      `import { cpvLabel } from ${JSON.stringify(join(root, 'shared/domain/cpv.ts'))};\n` +
        "export const handler = async () => ({ label: cpvLabel('72212000'), lazy: (await import('./lazy.js')).answer() });",
    );
    const metafile = bundleFunction(join(dir, 'cpv-entry.ts'), outdir, root);
    const chunks = Object.keys(metafile.outputs).filter((p) => p.endsWith('.mjs'));
    expect(chunks.length).toBeGreaterThan(1);
    expect(initialOutputs(metafile, outdir).length).toBeLessThan(chunks.length);
    for (const asset of BUNDLE_ASSETS) expect(existsSync(join(outdir, asset.to))).toBe(true);
    // No chunk folder: every chunk resolves `./cpv-2008.json` to the same copy.
    expect(readdirSync(outdir, { withFileTypes: true }).filter((e) => e.isDirectory())).toEqual([]);
    const mod = (await import(pathToFileURL(join(outdir, 'index.mjs')).href)) as {
      handler: () => Promise<{ label?: string; lazy: number }>;
    };
    expect(await mod.handler()).toEqual({ label: 'Programmering i forbindelse med applikasjonsprogrammer', lazy: 42 });
  });

  it('bundles the programme function’s ranking worker beside its entry, and the bundled worker ranks exactly as this thread does', async () => {
    const outdir = join(dir, 'programme');
    const metafile = bundleFunction(join(root, 'functions/http/entries/programme.ts'), outdir, root);
    expect(existsSync(join(outdir, 'rank-worker.mjs'))).toBe(true);
    // The code that starts the worker asks for it beside itself; chunks and entries share one folder.
    const starters = Object.keys(metafile.outputs).filter((p) => p.endsWith('.mjs') && readFileSync(join(root, p), 'utf8').includes('./rank-worker.mjs'));
    expect(starters.length).toBeGreaterThan(0);
    expect(initialOutputs(metafile, outdir)).not.toContain(starters[0]);

    const index = new MatchIndex(fc.sample(profiles(60, 80), { seed: 7, numRuns: 1 })[0]!);
    const calls = fc.sample(callArb, { seed: 7, numRuns: 12 });
    const worker = new Worker(join(outdir, 'rank-worker.mjs'));
    try {
      worker.postMessage({ data: index.data });
      worker.postMessage({ id: 1, calls, depth: 9 });
      const reply = await new Promise<{ id: number; lengths: Int32Array; companies: Int32Array; scores: Float64Array }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      let k = 0;
      const lists = [...reply.lengths].map((length) => Array.from({ length }, () => ({ company: reply.companies[k]!, score: reply.scores[k++]! })));
      expect(lists).toEqual(calls.map((call) => index.topK(call, 9)));
    } finally {
      await worker.terminate();
    }
  });
});
