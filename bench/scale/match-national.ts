/**
 * Matching alone at one or more market sizes, without loading the market into DynamoDB:
 *   node --expose-gc --max-old-space-size=8000 --import tsx bench/scale/match-national.ts
 * MATCH_SIZES=ostfold,five,national (default national). BENCH_SKIP_SLATE=1 leaves out the partner slate.
 * Prints each figure with its goal (issue 14) beside it. A measurement, not a test.
 */
import { generateMarket, SIZES } from '../../infra/local/generate/national.js';
import { benchMatching } from './matching.js';

const sizes = (process.env.MATCH_SIZES ?? 'national').split(',') as (keyof typeof SIZES)[];
const f = (x: number, d = 1) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const goal = (ok: boolean) => (ok ? 'met' : 'MISSED');

for (const key of sizes) {
  const size = SIZES[key];
  console.log(`\n=== ${size.name}: ${size.companies.toLocaleString('en')} companies, ${size.openCalls.toLocaleString('en')} open calls ===`);
  const market = generateMarket(size, 2026, new Date());
  const m = await benchMatching(market, (s) => console.log(`  · ${s}`));
  const national = m.companies >= 100_000;
  const rows: [string, string, string][] = [
    [
      'cold: snapshot read + decode + index + first answer (20 with reasons)',
      `${f(m.coldFirstAnswerMs, 0)} ms`,
      `≤ 1,500 ms${national ? `: ${goal(m.coldFirstAnswerMs <= 1500)}` : ''}`,
    ],
    ['cold, CPU time of the same span', `${f(m.cold.coldCpuMs, 0)} ms`, '—'],
    [
      'cold with 20 profiles changed since the snapshot (analysed, repacked)',
      `${f(m.staleColdMs, 0)} ms (CPU ${f(m.staleColdCpuMs, 0)} ms)`,
      `≤ 1,500 ms${national ? `: ${goal(m.staleColdMs <= 1500)}` : ''}`,
    ],
    [
      'index memory (heap + array buffers kept, after GC)',
      `${f(m.retainedMB, 0)} MB`,
      `≤ 150 MB at 100,000${national ? `: ${goal(m.retainedMB <= 150)}` : ''}`,
    ],
    [
      `warm call matches (rank + reasons, top 20), ${m.cold.warmRuns} answers`,
      `p50 ${f(m.warmP50, 2)} ms, p99 ${f(m.warmP99, 2)} ms`,
      `p99 ≤ 20 ms: ${goal(m.warmP99 <= 20)}`,
    ],
    ['warm call matches, CPU time per answer', `p50 ${f(m.cold.cpuP50, 2)} ms, p99 ${f(m.cold.cpuP99, 2)} ms`, `p99 ≤ 20 ms: ${goal(m.cold.cpuP99 <= 20)}`],
    ['warm rank alone (top 20)', `p50 ${f(m.cold.rankP50, 2)} ms, p99 ${f(m.cold.rankP99, 2)} ms`, '—'],
    ['exact: cold top 20 = naive full score', m.naiveExact, 'all'],
    ['exact: cold top 20 = fresh build', m.snapshotExact, 'all'],
    ['a profile edit in a warm container (repack, changed profile analysed)', `${f(m.editMs, 0)} ms`, '— (the request that sees it waits)'],
    ['snapshot', `${f(m.snapshotMB, 1)} MB, written in ${f(m.snapshotWriteMs, 0)} ms`, '—'],
    ['analyse + pack from profiles (the no-snapshot path)', `${f(m.buildMs, 0)} ms`, '—'],
  ];
  if (m.slateCalls)
    rows.push([
      `slate, ${m.slateCalls} calls × 2 partners`,
      `${m.slateOptimal ? 'certified optimal' : 'NOT certified'} in ${f(m.slateMs / 1000, 2)} s`,
      '≤ 5 s',
    ]);
  console.log('| figure | measured | goal |\n|---|---|---|');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
}
process.exit(0);
