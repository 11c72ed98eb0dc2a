import type { BundleResults } from './bundles/index.js';
import type { HttpResults } from './http/index.js';
import { goal, kb, ms, pct, ratio, table } from './lib/format.js';

const TOP_PACKAGES = 10;

export function bundleReport(r: BundleResults): string {
  const sizes = table(
    ['bundle', 'size KB', 'x size', 'import ms', 'p10-p90 ms', 'x import', 'no maps ms', 'x no maps', '1st req ms', 'x 1st req', 'heaviest route'],
    r.bundles.map((b) => [
      b.name,
      kb(b.bytes),
      ratio(b.sizeRatio),
      ms(b.importMs.median),
      `${ms(b.importMs.p10)}-${ms(b.importMs.p90)}`,
      ratio(b.importRatio),
      ms(b.importMsNoMaps.median),
      ratio(b.importRatioNoMaps),
      ms(b.firstRequestMs.median),
      ratio(b.firstRequestRatio),
      b.firstRequestRoute ?? '',
    ]),
  );
  const runs = r.bundles[0]!.importMs.runs;
  const total = r.bundles.find((b) => b.name === r.largest)!.bytes;
  const packages = table(
    ['package', 'KB', 'share', 'KB also in baseline'],
    r.largestPackages.slice(0, TOP_PACKAGES).map((p) => [p.name, kb(p.bytes), pct(p.bytes / total), kb(p.inBaseline)]),
  );
  const scopes = table(
    ['scope', 'KB', 'share', 'KB extra over baseline'],
    r.largestScopes.slice(0, TOP_PACKAGES).map((p) => [p.name, kb(p.bytes), pct(p.bytes / total), kb(p.bytes - p.inBaseline)]),
  );
  return [
    `Median of ${runs} fresh-process imports each; "import ms" with the deployed NODE_OPTIONS=--enable-source-maps, ` +
      '"no maps ms" without; "1st req ms" = import plus the use-case chunk of the heaviest route (with maps); ' +
      'x = ratio to the baseline.',
    sizes,
    '',
    `Bytes by package in the largest function bundle (${r.largest}, ${kb(total)} KB):`,
    packages,
    '',
    'Rolled up by scope:',
    scopes,
  ].join('\n');
}

export function httpReport(r: HttpResults): string {
  const rows = r.targets.flatMap((t) =>
    t.rounds.map((x, i) => [t.name, String(i + 1), x.rps.toFixed(0), ms(x.p50), ms(x.p99), String(x.unexpected), String(x.errors)]),
  );
  const means = r.targets.map((t) => [t.name, t.rps.toFixed(0), ms(t.p50), ms(t.p99), pct(t.share)]);
  return [
    `${r.connections} connections, ${r.durationSeconds} s per run after ${r.warmupSeconds} s warm-up; ` +
      `payload ${r.items} items, ${kb(r.payloadBytes)} KB (the bare server sends the same bytes).`,
    table(['target', 'round', 'req/s', 'p50 ms', 'p99 ms', 'unexpected', 'errors'], rows),
    '',
    'Means over rounds:',
    table(['target', 'req/s', 'p50 ms', 'p99 ms', 'of bare'], means),
    '* diagnostic: an unknown /api route (404) runs the gateway and the Middy stack without DynamoDB.',
  ].join('\n');
}

export function summary(b: BundleResults, h: HttpResults): string {
  const base = b.bundles.find((x) => x.isBaseline)!;
  const slowest = b.bundles.find((x) => x.name === b.goal.slowest)!;
  const largest = b.bundles.find((x) => x.name === b.largest)!;
  const load = (t: HttpResults['targets'][number]) => [t.name, `${t.rps.toFixed(0)} req/s, p50 ${ms(t.p50)} / p99 ${ms(t.p99)} ms`, '', ''];
  return table(
    ['figure', 'value', 'goal', 'status'],
    [
      ['baseline import (median)', `${ms(base.importMs.median)} ms`, '', ''],
      [`slowest function import (${slowest.name})`, `${ms(slowest.importMs.median)} ms`, '', ''],
      ['  ratio to baseline', ratio(b.goal.importRatio), `<= ${ratio(b.goal.maxImportRatio)}`, goal(b.goal.met)],
      ['  same, paired per round (check)', ratio(b.goal.importRatioPaired), '', ''],
      ['  ratio without source maps', ratio(slowest.importRatioNoMaps), '', ''],
      [`heaviest first request (${b.goal.slowestFirstRequest}), ratio`, ratio(b.goal.firstRequestRatio), '', ''],
      [`largest bundle size (${largest.name})`, `${kb(largest.bytes)} KB`, '', ''],
      ['  ratio to baseline size', ratio(largest.sizeRatio), '', ''],
      ...h.targets.slice(0, 2).map(load),
      ['  stack / bare throughput', pct(h.goal.share), `>= ${pct(h.goal.minShare)}`, goal(h.goal.met)],
    ],
  );
}
