import { fileURLToPath } from 'node:url';
import { DEPLOYED_GROUPS } from '../shared/api/contract.js';

/** Everything the benchmark builds or writes goes under bench/.out/ (git-ignored). */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT_DIR = fileURLToPath(new URL('./.out/', import.meta.url));

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** The deployed API functions: one bundle each, as CDK builds them. */
export const FUNCTION_ENTRIES = DEPLOYED_GROUPS;

export const SETTINGS = {
  /** Fresh-process imports per bundle (round-robin across bundles). */
  importRuns: num('BENCH_IMPORT_RUNS', 21),
  /** Seconds of measured load per round, after a warm-up of warmupSeconds. */
  durationSeconds: num('BENCH_DURATION', 10),
  warmupSeconds: num('BENCH_WARMUP', 2),
  connections: num('BENCH_CONNECTIONS', 10),
  /** Each round runs bare then stack, so drift on the machine hits both. */
  rounds: num('BENCH_ROUNDS', 2),
} as const;

export const GOALS = {
  /** The heaviest function's import time over the SDK-only baseline's. */
  maxImportRatio: 1.35,
  /** The local stack's req/s as a share of a bare node:http server's. */
  minThroughputShare: 0.15,
} as const;
