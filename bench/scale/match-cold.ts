/**
 * A cold container, as a fresh process: read the snapshot file, decode it, build the MatchIndex views and
 * answer the first call as the route does (top 20 with reasons). Then the index's memory (heap and array
 * buffers kept, after GC), warm latency over the open calls (the call analysed once, rank + explain of
 * the top 20, as GET /api/calls/{id}/matches does, and rank alone), and the top 20 of the sample calls for the parent to
 * compare. Run by bench/scale/matching.ts: argv = snapshot file, calls file (JSON).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { callQuery } from '../../shared/matching/analyze.js';
import { MatchIndex, type MatchProfile } from '../../shared/matching/match-index.js';
import { repack } from '../../shared/matching/packed-index.js';
import { companyDocumentTerms } from '../../shared/matching/score.js';
import type { MatchCall } from '../../shared/matching/score.js';
import { decodeSnapshot } from '../../functions/matching/match-snapshot.js';
import { quantile } from '../lib/stats.js';

export interface ColdFigures {
  coldFirstAnswerMs: number;
  /** CPU time of the same span (this process, all threads). */
  coldCpuMs: number;
  readMs: number;
  decodeMs: number;
  indexMs: number;
  firstAnswerMs: number;
  indexMB: number;
  rssMB: number;
  warmP50: number;
  warmP99: number;
  cpuP50: number;
  cpuP99: number;
  rankP50: number;
  rankP99: number;
  warmRuns: number;
  tops: { org: string; score: number }[][];
}

const gc = () => {
  for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
};
const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

const [snapshotFile, callsFile, sampleArg, changesFile] = process.argv.slice(2);
/** Profiles changed since the snapshot (a stale snapshot): the cold path analyses them and repacks, as loadIndex does. */
const changes = changesFile ? (JSON.parse(readFileSync(changesFile, 'utf8')) as (MatchProfile & { updatedAt: string })[]) : [];
const calls = JSON.parse(readFileSync(callsFile!, 'utf8')) as MatchCall[];
const sample = Number(sampleArg ?? 50);
gc();
const before = used();

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const bytes = readFileSync(snapshotFile!);
const t1 = performance.now();
const snap = decodeSnapshot(bytes)!;
const t2 = performance.now();
const loaded = new MatchIndex(snap.data);
const index = changes.length
  ? new MatchIndex(
      repack(
        loaded.data,
        changes.map((profile) => ({ profile, terms: companyDocumentTerms(profile) })),
      ),
    )
  : loaded;
const t3 = performance.now();
const respond = (c: MatchCall) => {
  const query = callQuery(c);
  return index.rank(c, 20, query).map((r) => ({ r, why: index.explain(c, r.company, query), who: index.info(r.company) }));
};
const first = respond(calls[0]!);
const t4 = performance.now();
const cpuCold = process.cpuUsage(cpu0);
if (first.length === 0) throw new Error('no answer');

gc();
const indexMB = (used() - before) / 1024 / 1024;
const rssMB = process.memoryUsage().rss / 1024 / 1024;

const answer: number[] = [];
const answerCpu: number[] = [];
const rankOnly: number[] = [];
// One pass to warm the JIT (a warm container has answered before), then two measured passes. CPU time
// beside wall time: on this shared machine (load 10-16 on 2 cores) wall time includes waiting for a core.
for (const c of calls.slice(0, 300)) respond(c);
for (let r = 0; r < 2; r++) {
  for (const c of calls.slice(0, 300)) {
    const cpu = process.cpuUsage();
    let s = performance.now();
    respond(c);
    answer.push(performance.now() - s);
    const used = process.cpuUsage(cpu);
    answerCpu.push((used.user + used.system) / 1000);
    s = performance.now();
    index.rank(c, 20);
    rankOnly.push(performance.now() - s);
  }
}
const tops = calls.slice(0, sample).map((c) => index.rank(c, 20).map((r) => ({ org: index.orgNumber(r.company), score: r.score })));

const figures: ColdFigures = {
  coldFirstAnswerMs: t4 - t0,
  coldCpuMs: (cpuCold.user + cpuCold.system) / 1000,
  readMs: t1 - t0,
  decodeMs: t2 - t1,
  indexMs: t3 - t2,
  firstAnswerMs: t4 - t3,
  indexMB,
  rssMB,
  warmP50: quantile(answer, 0.5),
  warmP99: quantile(answer, 0.99),
  cpuP50: quantile(answerCpu, 0.5),
  cpuP99: quantile(answerCpu, 0.99),
  rankP50: quantile(rankOnly, 0.5),
  rankP99: quantile(rankOnly, 0.99),
  warmRuns: answer.length,
  tops,
};
process.send!(figures, () => process.exit(0));
