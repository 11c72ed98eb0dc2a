/**
 * The match index at one market size: build from profiles (time), the snapshot (size, write time), then a
 * cold container in a fresh process (bench/scale/match-cold.ts: snapshot read + decode + first answer with
 * reasons, the index's memory, warm latency), and exactness: the cold process's top 20 of the sample calls
 * against a naive full score of every company (bench/match/naive.ts, no index) and against a fresh build.
 * Then the partner slate over every open call (unless BENCH_SKIP_SLATE).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { MatchIndex } from '../../shared/matching/match-index.js';
import { callQuery } from '../../shared/matching/analyze.js';
import { companyDocumentTerms } from '../../shared/matching/score.js';
import { proposeSlateOnAllCores } from '../../functions/matching/rank-on-all-cores.js';
import { repack } from '../../shared/matching/packed-index.js';
import { encodeSnapshot } from '../../functions/matching/match-snapshot.js';
import type { Market } from '../../infra/local/generate/national.js';
import { naiveCorpus, naiveFullTopN } from '../match/naive.js';
import type { ColdFigures } from './match-cold.js';

export interface MatchingFigures {
  companies: number;
  buildMs: number;
  retainedMB: number;
  snapshotMB: number;
  snapshotWriteMs: number;
  coldFirstAnswerMs: number;
  staleColdMs: number;
  staleColdCpuMs: number;
  editMs: number;
  snapshotExact: string;
  naiveExact: string;
  warmP50: number;
  warmP99: number;
  cold: Omit<ColdFigures, 'tops'>;
  slateCalls: number;
  slateOptimal: boolean;
  slateMs: number;
}

/** Calls compared with the naive full score (each scores every company: slow at 100,000). */
const NAIVE_CALLS = Number(process.env.BENCH_NAIVE_CALLS ?? 10);
const SAMPLE = 50;
const STALE_PROFILES = 20;

function coldProcess(snapshotFile: string, callsFile: string, changesFile?: string): Promise<ColdFigures> {
  const child = fork(
    fileURLToPath(new URL('./match-cold.ts', import.meta.url)),
    [snapshotFile, callsFile, String(SAMPLE), ...(changesFile ? [changesFile] : [])],
    {
      execArgv: ['--import', 'tsx', '--expose-gc'],
    },
  );
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok(m as ColdFigures));
    child.once('exit', (code) => code && fail(new Error(`cold process exited with ${code}`)));
  });
}

export async function benchMatching(market: Market, log: (s: string) => void): Promise<MatchingFigures> {
  const at = new Date().toISOString();
  const profiles = market.companies.map((c) => ({ ...c, updatedAt: at }));
  let t = performance.now();
  const terms = profiles.map((p) => companyDocumentTerms(p));
  let index: MatchIndex | undefined = new MatchIndex(profiles, terms);
  const buildMs = performance.now() - t;
  log(`match index: ${profiles.length} companies analysed and packed in ${buildMs.toFixed(0)} ms`);

  t = performance.now();
  const bytes = encodeSnapshot(index.data, at);
  const snapshotWriteMs = performance.now() - t;
  const open = market.calls.filter((c) => c.status === 'open' && Date.parse(c.deadline) > Date.now());
  const dir = mkdtempSync(join(tmpdir(), 'match-bench-'));
  writeFileSync(join(dir, 'snapshot.bin.gz'), bytes);
  writeFileSync(join(dir, 'calls.json'), JSON.stringify(open.slice(0, 300)));
  const { tops, ...cold } = await coldProcess(join(dir, 'snapshot.bin.gz'), join(dir, 'calls.json'));
  // A stale snapshot: STALE_PROFILES profiles changed since it was written, applied by the cold process.
  const stale = profiles
    .slice(0, STALE_PROFILES)
    .map((p, k) => ({ ...p, description: `${open[k % open.length]!.title}. ${p.description}`, updatedAt: new Date().toISOString() }));
  writeFileSync(join(dir, 'changes.json'), JSON.stringify(stale));
  const staleCold = await coldProcess(join(dir, 'snapshot.bin.gz'), join(dir, 'calls.json'), join(dir, 'changes.json'));
  rmSync(dir, { recursive: true, force: true });
  log(
    `cold with ${STALE_PROFILES} profiles changed since the snapshot (analysed and repacked): ${staleCold.coldFirstAnswerMs.toFixed(0)} ms (CPU ${staleCold.coldCpuMs.toFixed(0)} ms)`,
  );
  log(
    `snapshot ${(bytes.length / 1e6).toFixed(1)} MB in ${snapshotWriteMs.toFixed(0)} ms; cold process: read ${cold.readMs.toFixed(0)} + decode ${cold.decodeMs.toFixed(0)} + index ${cold.indexMs.toFixed(0)} + first answer ${cold.firstAnswerMs.toFixed(0)} = ${cold.coldFirstAnswerMs.toFixed(0)} ms; index memory ${cold.indexMB.toFixed(0)} MB (rss ${cold.rssMB.toFixed(0)} MB)`,
  );

  const key = (i: MatchIndex, c: (typeof open)[number]) => JSON.stringify(i.rank(c, 20).map((r) => ({ org: i.orgNumber(r.company), score: r.score })));
  const same = open.slice(0, SAMPLE).filter((c, k) => JSON.stringify(tops[k]) === key(index!, c)).length;
  // The naive side: every company's term frequencies in a Map, every pair scored, no index.
  const corpus = naiveCorpus(
    profiles.map((p, i) => ({ orgNumber: p.orgNumber, terms: terms[i]!, cpvCodes: p.cpvCodes, municipalityCode: p.municipalityCode, sme: p.sme })),
  );
  const naiveSame = open.slice(0, NAIVE_CALLS).filter((c, k) => {
    const want = naiveFullTopN(corpus, c, callQuery(c).weights, 20).map((h) => ({ org: profiles[h.company]!.orgNumber, score: h.score }));
    return JSON.stringify(want) === JSON.stringify(tops[k]);
  }).length;
  log(`cold (snapshot) top-20 lists equal to a fresh build: ${same}/${SAMPLE}; equal to a naive full score: ${naiveSame}/${NAIVE_CALLS}`);

  // A profile edit in a warm container: the changed profile analysed, every other company's row kept.
  const edited = { ...profiles[0]!, description: `${open[0]!.title}. ${open[0]!.summary}`, updatedAt: new Date().toISOString() };
  t = performance.now();
  const after = new MatchIndex(repack(index.data, [{ profile: edited, terms: companyDocumentTerms(edited) }]));
  const editMs = performance.now() - t;
  if (after.size !== index.size) throw new Error('an edit changed the number of companies');
  log(`a profile edit (repack + new index views): ${editMs.toFixed(0)} ms`);

  let slate = { calls: 0, optimal: false, ms: Number.NaN };
  if (!process.env.BENCH_SKIP_SLATE) {
    t = performance.now();
    const s = await proposeSlateOnAllCores(index, open, { partnersPerCall: 2 });
    slate = { calls: open.length, optimal: s.evidence.optimal, ms: performance.now() - t };
    log(
      `slate: ${open.length} calls, ${s.evidence.optimal ? 'certified optimal' : 'not certified'} in ${slate.ms.toFixed(0)} ms (${s.evidence.rounds} rounds, ranked on ${s.workers + 1} threads)`,
    );
  }
  index = undefined;
  return {
    companies: profiles.length,
    buildMs,
    retainedMB: cold.indexMB,
    snapshotMB: bytes.length / 1e6,
    snapshotWriteMs,
    coldFirstAnswerMs: cold.coldFirstAnswerMs,
    staleColdMs: staleCold.coldFirstAnswerMs,
    staleColdCpuMs: staleCold.coldCpuMs,
    editMs,
    snapshotExact: `${same}/${SAMPLE}`,
    naiveExact: `${naiveSame}/${NAIVE_CALLS}`,
    warmP50: cold.warmP50,
    warmP99: cold.warmP99,
    cold,
    slateCalls: slate.calls,
    slateOptimal: slate.optimal,
    slateMs: slate.ms,
  };
}
