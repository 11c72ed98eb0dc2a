/**
 * The match index at one market size: build from profiles (time, retained memory), the snapshot (size,
 * write time, cold load + first answer, and that its index ranks exactly like a fresh build), warm top-20
 * latency over the open calls, and the partner slate over every open call.
 */
import { performance } from 'node:perf_hooks';
import { MatchIndex } from '../../shared/matching/match-index.js';
import { companyDocumentTerms } from '../../shared/matching/score.js';
import { proposeSlate } from '../../shared/matching/propose-slate.js';
import { decodeSnapshot, encodeSnapshot } from '../../functions/matching/match-snapshot.js';
import type { Market } from '../../infra/local/generate/national.js';
import { quantile } from '../lib/stats.js';

export interface MatchingFigures {
  companies: number; buildMs: number; retainedMB: number; snapshotMB: number; snapshotWriteMs: number;
  coldFirstAnswerMs: number; snapshotExact: string; warmP50: number; warmP99: number;
  slateCalls: number; slateOptimal: boolean; slateMs: number;
}

const gc = () => { for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.(); };

export async function benchMatching(market: Market, log: (s: string) => void): Promise<MatchingFigures> {
  const at = new Date().toISOString();
  const profiles = market.companies.map((c) => ({ ...c, updatedAt: at }));
  gc();
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  let t = performance.now();
  const terms = profiles.map((p) => companyDocumentTerms(p));
  let index: MatchIndex | undefined = new MatchIndex(profiles, terms);
  const buildMs = performance.now() - t;
  gc();
  // What the index keeps (the profiles' texts are the generator's, kept either way).
  const retainedMB = (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore) / 1024 / 1024;
  log(`match index: ${profiles.length} companies built in ${buildMs.toFixed(0)} ms, ≈ ${retainedMB.toFixed(0)} MB retained (terms included)`);

  t = performance.now();
  const bytes = encodeSnapshot(profiles.map((p, i) => ({ profile: { ...p, description: undefined, capabilities: undefined }, terms: terms[i]! })));
  const snapshotWriteMs = performance.now() - t;
  const open = market.calls.filter((c) => c.status === 'open' && Date.parse(c.deadline) > Date.now());

  // Cold container: decode the snapshot, build, answer one call.
  t = performance.now();
  const snap = decodeSnapshot(bytes)!;
  const cold = new MatchIndex(snap.entries.map((e) => e.profile), snap.entries.map((e) => e.terms));
  cold.rank(open[0]!, 20);
  const coldFirstAnswerMs = performance.now() - t;
  const sample = open.slice(0, 50);
  const same = sample.filter((c) => JSON.stringify(cold.rank(c, 20)) === JSON.stringify(index!.rank(c, 20))).length;
  log(`snapshot ${(bytes.length / 1e6).toFixed(1)} MB in ${snapshotWriteMs.toFixed(0)} ms; cold load + first answer ${coldFirstAnswerMs.toFixed(0)} ms; ${same}/${sample.length} top-20 lists equal a fresh build`);

  const ms: number[] = [];
  for (let r = 0; r < 2; r++) for (const c of open.slice(0, 300)) { const s = performance.now(); index.rank(c, 20); ms.push(performance.now() - s); }

  t = performance.now();
  const slate = proposeSlate(index, open, { partnersPerCall: 2 });
  const slateMs = performance.now() - t;
  log(`slate: ${open.length} calls, ${slate.evidence.optimal ? 'certified optimal' : 'not certified'} in ${slateMs.toFixed(0)} ms (${slate.evidence.rounds} rounds)`);
  index = undefined;
  return {
    companies: profiles.length, buildMs, retainedMB, snapshotMB: bytes.length / 1e6, snapshotWriteMs, coldFirstAnswerMs,
    snapshotExact: `${same}/${sample.length}`, warmP50: quantile(ms, 0.5), warmP99: quantile(ms, 0.99),
    slateCalls: open.length, slateOptimal: slate.evidence.optimal, slateMs,
  };
}
