import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Loads the bundle in a fresh process and prints how long the import took (module init included); with
 * BENCH_THEN_URL, then imports that chunk too (a route's use case, as its first request does) within the time.
 */
const SCRIPT =
  'const t = performance.now(); await import(process.env.BENCH_BUNDLE_URL); ' +
  'if (process.env.BENCH_THEN_URL) await import(process.env.BENCH_THEN_URL); console.log(performance.now() - t);';

/** The NODE_OPTIONS the functions are deployed with (infra/constructs/api-function.ts). */
export const DEPLOYED_NODE_OPTIONS = '--enable-source-maps';

export interface ImportJob {
  file: string;
  nodeOptions: string;
  /** A chunk to import right after the bundle, timed with it. */
  then?: string;
}

/** The environment a Lambda gives the module at init: what the config needs, nothing else from ours. */
function lambdaLikeEnv(job: ImportJob): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_OPTIONS: job.nodeOptions,
    TABLE_NAME: 'innovasjonstorget',
    CURSOR_SECRET: 'x',
    AWS_REGION: 'eu-north-1',
    BENCH_BUNDLE_URL: pathToFileURL(job.file).href,
    ...(job.then ? { BENCH_THEN_URL: pathToFileURL(job.then).href } : {}),
  };
}

export async function importOnce(job: ImportJob): Promise<number> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', SCRIPT], { env: lambdaLikeEnv(job) });
  const ms = Number(stdout.trim().split('\n').pop());
  if (!Number.isFinite(ms)) throw new Error(`Import of ${job.file} printed no time: ${stdout}`);
  return ms;
}

/**
 * Runs each job `runs` times in fresh processes, round-robin (a, b, c, a, b, c, …) and one at a
 * time, so that slow phases of a noisy machine hit every job alike. One warm-up pass first fills
 * the OS file cache. Returns the times per job, in ms.
 */
export async function importTimes(jobs: readonly ImportJob[], runs: number): Promise<number[][]> {
  for (const job of jobs) await importOnce(job);
  const times = jobs.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    for (const [i, job] of jobs.entries()) times[i]!.push(await importOnce(job));
  }
  return times;
}
