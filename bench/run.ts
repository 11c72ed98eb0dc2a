/**
 * `npm run bench`: Lambda bundle weight and import time (part 1), then HTTP throughput of the local
 * stack (part 2). Prints figures and whether each goal is met; writes them to bench/.out/results.json.
 * It never fails on a missed goal: it is a measurement, not a test.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { benchBundles } from './bundles/index.js';
import { benchHttp } from './http/index.js';
import { OUT_DIR, SETTINGS } from './config.js';
import { bundleReport, httpReport, summary } from './report.js';

const log = (s: string) => console.log(`  · ${s}`);
const heading = (s: string) => console.log(`\n=== ${s} ===`);

// Only what this benchmark writes: bench:match keeps its results beside ours.
await rm(join(OUT_DIR, 'bundles'), { recursive: true, force: true });
await mkdir(OUT_DIR, { recursive: true });
const started = Date.now();
console.log(`Node ${process.version}, ${availableParallelism()} cores. Settings: ${JSON.stringify(SETTINGS)}`);

heading('Part 1: Lambda bundles (esbuild, CDK options)');
const bundles = await benchBundles(log);
console.log(bundleReport(bundles));

heading('Part 2: HTTP throughput (loopback, autocannon)');
const http = await benchHttp(log);
console.log(httpReport(http));

heading('Summary');
console.log(summary(bundles, http));

const results = { node: process.version, cores: availableParallelism(), at: new Date().toISOString(), settings: SETTINGS, bundles, http };
const file = join(OUT_DIR, 'results.json');
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s in all).`);
