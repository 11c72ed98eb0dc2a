/**
 * «Similar needs» latency: 500 drafts of one municipality and 2,000 published calls of the others, through
 * the real router on a fresh local stack. Prints the first (cold) answer and p50/p99 of the next 300.
 *   npx tsx bench/similar/run.ts
 */
import { performance } from 'node:perf_hooks';
import { startTestStack } from '../../tests/support/local-stack.js';
import { generateCalls } from '../../infra/local/generate/calls.js';
import { insertCall, type CallRecord } from '../../functions/data/calls.js';

const stack = await startTestStack({ seed: true });
try {
  const now = new Date();
  const stamp = now.toISOString();
  const generated = generateCalls(2500, 7, now);
  const records: CallRecord[] = generated.map((g, i) => {
    const draft = i < 500;
    const { municipalityCode, ...fields } = g;
    return {
      ...fields,
      budgetNok: undefined,
      municipalityCode: draft ? '3107' : municipalityCode === '3107' ? '3105' : municipalityCode,
      status: draft ? 'draft' : 'open',
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
      createdBy: 'bench',
      ...(draft ? {} : { publishedAt: stamp }),
    } as CallRecord;
  });
  for (let i = 0; i < records.length; i += 50) await Promise.all(records.slice(i, i + 50).map((r) => insertCall(r)));
  const token = await stack.client.login('user-3107');
  const time = async () => {
    const t0 = performance.now();
    const res = await stack.client.call('GET', '/api/me/similar-needs', { token });
    if (res.status !== 200) throw new Error(`similar-needs ${res.status}`);
    return performance.now() - t0;
  };
  const cold = await time();
  const times: number[] = [];
  for (let i = 0; i < 300; i++) times.push(await time());
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  console.log(
    JSON.stringify({ drafts: 500, published: 2000, coldMs: Number(cold.toFixed(1)), p50Ms: Number(q(0.5)), p99Ms: Number(q(0.99)), requests: times.length }),
  );
} finally {
  await stack.close();
}
