/**
 * The partner slate's candidate lists on every core (issue 14: 5,000 open calls × 100,000 companies in
 * ≤ 5 s). Ranking is read-only and independent per call, so worker threads (rank-worker.ts), each with a
 * copy of the packed index sent once per index, rank slices of the calls while this thread ranks slices
 * too; whoever is free takes the next slice. The lists are `index.topK`'s exactly: the same code over the
 * same data. With one core (a Lambda function under 1,769 MB, `RANK_WORKERS=0`) or a small slate, where
 * starting a worker would cost more than it saves, everything is ranked in this thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MatchIndex, Ranked } from '../../shared/matching/match-index.js';
import { proposeSlate, slateRankDepth, type ProposedSlate, type SlateOptions } from '../../shared/matching/propose-slate.js';
import type { MatchCall } from '../../shared/matching/score.js';
import { logger } from '../core/logger.js';
import type { RankReply, RankRequest } from './rank-worker.js';

export interface RankOptions {
  /** Worker threads besides this one; default one per core but this one (`RANK_WORKERS` overrides). */
  workers?: number;
  /** A worker is started only for every this many calls (starting one and copying the index to it takes ≈ 0.5 s from source, some 500 national rankings). */
  callsPerWorker?: number;
}

/** Calls per message: small enough that the threads finish close together, large enough that messages are few. */
const SLICE = 64;
const CALLS_PER_WORKER = 400;

/** `proposeSlate` with every call's first list ranked on all cores, as the programme's slate route runs it. */
export async function proposeSlateOnAllCores(
  index: MatchIndex,
  calls: readonly MatchCall[],
  opts: SlateOptions,
  rank: RankOptions = {},
): Promise<ProposedSlate & { workers: number }> {
  const ranked = await rankOnAllCores(index, calls, slateRankDepth(opts), rank);
  return { ...proposeSlate(index, calls, { ...opts, ranked }), workers: ranked.workers };
}

/** Every call's `index.topK(call, depth)`, on as many threads as help; with the time it took and the workers used. */
export async function rankOnAllCores(
  index: MatchIndex,
  calls: readonly MatchCall[],
  depth: number,
  opts: RankOptions = {},
): Promise<{ lists: Ranked[][]; ms: number; workers: number }> {
  const started = performance.now();
  const wanted = Math.min(opts.workers ?? defaultWorkers(), Math.floor(calls.length / (opts.callsPerWorker ?? CALLS_PER_WORKER)));
  const workers = wanted > 0 ? pool(index, wanted) : [];
  const lists: Ranked[][] = new Array(calls.length);
  let next = 0;
  const take = (): [number, number] | undefined => (next < calls.length ? [next, (next = Math.min(calls.length, next + SLICE))] : undefined);
  const here = async () => {
    for (let slice = take(); slice; slice = take()) {
      for (let i = slice[0]; i < slice[1]; i++) lists[i] = index.topK(calls[i]!, depth);
      // Let the workers' replies in and hand them their next slice.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const there = async (worker: RankWorker) => {
    for (let slice = take(); slice; slice = take()) {
      const [from, to] = slice;
      try {
        (await worker.rank(calls.slice(from, to), depth)).forEach((list, k) => (lists[from + k] = list));
      } catch (error) {
        // A worker that fails leaves its slice to this thread and takes no more; the next slate starts afresh.
        logger.warn('ranking worker failed; ranking its calls here', { error });
        for (let i = from; i < to; i++) lists[i] = index.topK(calls[i]!, depth);
        return;
      }
    }
  };
  // Workers first, so their first slices are on their way before this thread starts ranking.
  await Promise.all([...workers.map(there), here()]);
  return { lists, ms: performance.now() - started, workers: workers.length };
}

function defaultWorkers(): number {
  const set = process.env.RANK_WORKERS;
  return set !== undefined && set !== '' ? Math.max(0, Number(set) || 0) : availableParallelism() - 1;
}

/** The workers for this index, kept while the index is current (started afresh when it changes or one failed). */
let current: { index: MatchIndex; workers: RankWorker[] } | undefined;

function pool(index: MatchIndex, size: number): RankWorker[] {
  if (current && (current.index !== index || current.workers.some((w) => w.failed))) {
    for (const w of current.workers) w.stop();
    current = undefined;
  }
  current ??= { index, workers: [] };
  while (current.workers.length < size) current.workers.push(new RankWorker(index));
  return current.workers.slice(0, size);
}

/** Ends the workers (tests; a process that ends does so anyway, they do not keep it alive). */
export function stopRankWorkers(): void {
  for (const w of current?.workers ?? []) w.stop();
  current = undefined;
}

class RankWorker {
  failed = false;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (lists: Ranked[][]) => void; reject: (e: unknown) => void }>();
  private sequence = 0;

  constructor(index: MatchIndex) {
    this.worker = startWorker();
    this.worker.unref();
    this.worker.on('message', (reply: RankReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!this.pending.size) this.worker.unref();
      waiting?.resolve(unpack(reply));
    });
    const fail = (error: unknown) => {
      this.failed = true;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`ranking worker exited (${code})`)));
    this.post({ data: index.data });
  }

  rank(calls: readonly MatchCall[], depth: number): Promise<Ranked[][]> {
    if (this.failed) return Promise.reject(new Error('ranking worker failed earlier'));
    const id = ++this.sequence;
    // Only what ranking reads: a call record may carry much more.
    const slim = calls.map(({ id, title, summary, description, cpvCodes, municipalityCode, domains, procedure, matchPreferences }) => ({
      id,
      title,
      summary,
      description,
      cpvCodes,
      municipalityCode,
      domains,
      procedure,
      matchPreferences,
    }));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      try {
        this.post({ id, calls: slim, depth });
      } catch (error) {
        // Not sent (a value structured clone cannot copy): nothing is pending, so the worker may idle again.
        this.pending.delete(id);
        if (!this.pending.size) this.worker.unref();
        reject(error);
      }
    });
  }

  stop(): void {
    this.failed = true;
    void this.worker.terminate();
  }

  private post(message: RankRequest): void {
    this.worker.postMessage(message);
  }
}

function unpack(reply: RankReply): Ranked[][] {
  const lists: Ranked[][] = [];
  let k = 0;
  for (const length of reply.lengths) {
    const list: Ranked[] = [];
    for (const end = k + length; k < end; k++) list.push({ company: reply.companies[k]!, score: reply.scores[k]! });
    lists.push(list);
  }
  return lists;
}

/**
 * In a Lambda bundle the worker is its own entry, `rank-worker.mjs`, beside every chunk (infra/constructs/bundling.ts).
 * From source (the local server, tests, the bench), the worker compiles TypeScript with tsx, as this process does.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./rank-worker.mjs', import.meta.url));
  // tsx's ESM API by its package's own exports map (require.resolve would give the CommonJS build, which cannot register in a worker).
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = new URL(api, pathToFileURL(manifest)).href;
  const file = new URL('./rank-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`, { eval: true });
}
