import { GOALS, SETTINGS } from '../config.js';
import { median, quantile } from '../lib/stats.js';
import { buildAll } from './build.js';
import { DEPLOYED_NODE_OPTIONS, importTimes } from './import-time.js';
import { initialOutputs } from '../../infra/constructs/bundling.js';
import { packageWeights, scopeWeights, type PackageWeight } from './weight.js';

export interface BundleFigures {
  name: string;
  isBaseline: boolean;
  bytes: number;
  sizeRatio: number;
  /** Import time as deployed (NODE_OPTIONS=--enable-source-maps, so the .map is read too). */
  importMs: ImportStats;
  importRatio: number;
  /**
   * Median over rounds of (this import / the baseline's import in the same round): the two ran seconds
   * apart, so this pairs away slow phases of the machine. Should agree with importRatio; if not, rerun.
   */
  importRatioPaired: number;
  /** The same without source maps: what the .map costs is the difference. */
  importMsNoMaps: ImportStats;
  importRatioNoMaps: number;
  /**
   * Import plus the heaviest route's use-case chunk (what the slowest first request of a fresh container loads;
   * handlers import use cases on first use), with source maps. Equals the import when there are no route chunks.
   */
  firstRequestMs: ImportStats;
  firstRequestRatio: number;
  /** That route's use-case module. */
  firstRequestRoute?: string;
}

export interface ImportStats {
  median: number;
  p10: number;
  p90: number;
  runs: number;
}

const stats = (t: number[]): ImportStats => ({ median: median(t), p10: quantile(t, 0.1), p90: quantile(t, 0.9), runs: t.length });

export interface PackageShare extends PackageWeight {
  /** Bytes the same package has in the baseline bundle (0 if none): what is not extra. */
  inBaseline: number;
}

export interface BundleResults {
  bundles: BundleFigures[];
  /** The largest function bundle, whose bytes are broken down by package. */
  largest: string;
  largestPackages: PackageShare[];
  largestScopes: PackageShare[];
  goal: {
    maxImportRatio: number;
    /** The function with the highest import-time ratio, and that ratio. */
    slowest: string;
    importRatio: number;
    importRatioPaired: number;
    met: boolean;
    /** Not a goal of the issue, reported beside it: the function whose heaviest first request costs most. */
    slowestFirstRequest: string;
    firstRequestRatio: number;
  };
}

function withBaseline(weights: PackageWeight[], baseline: PackageWeight[]): PackageShare[] {
  const base = new Map(baseline.map((w) => [w.name, w.bytes]));
  return weights.map((w) => ({ ...w, inBaseline: base.get(w.name) ?? 0 }));
}

/** Part 1: build the deployed bundles and the SDK-only baseline, then time their import. */
export async function benchBundles(log: (s: string) => void): Promise<BundleResults> {
  log('Building bundles with the options of infra/constructs/bundling.ts…');
  const built = await buildAll();
  log(
    `Importing each bundle ${SETTINGS.importRuns}x with and without source maps, and with its heaviest route's chunk, ` + 'fresh node processes, round-robin…',
  );
  const jobs = built.flatMap((b) => [
    { file: b.outfile, nodeOptions: DEPLOYED_NODE_OPTIONS },
    { file: b.outfile, nodeOptions: '' },
    ...(b.heaviestRoute ? [{ file: b.outfile, nodeOptions: DEPLOYED_NODE_OPTIONS, then: b.heaviestRoute.file }] : []),
  ]);
  const times = await importTimes(jobs, SETTINGS.importRuns);
  const jobIndex = (b: (typeof built)[number]) => jobs.findIndex((j) => j.file === b.outfile);
  const deployed = built.map((b) => times[jobIndex(b)]!);
  const noMaps = built.map((b) => times[jobIndex(b) + 1]!);
  const firstRequest = built.map((b, i) => (b.heaviestRoute ? times[jobIndex(b) + 2]! : deployed[i]!));

  const baseIdx = built.findIndex((b) => b.isBaseline);
  const baseBytes = built[baseIdx]!.bytes;
  const baseMs = median(deployed[baseIdx]!);
  const baseMsNoMaps = median(noMaps[baseIdx]!);
  const bundles = built.map(
    (b, i): BundleFigures => ({
      name: b.name,
      isBaseline: b.isBaseline,
      bytes: b.bytes,
      sizeRatio: b.bytes / baseBytes,
      importMs: stats(deployed[i]!),
      importRatio: median(deployed[i]!) / baseMs,
      importRatioPaired: median(deployed[i]!.map((t, r) => t / deployed[baseIdx]![r]!)),
      importMsNoMaps: stats(noMaps[i]!),
      importRatioNoMaps: median(noMaps[i]!) / baseMsNoMaps,
      firstRequestMs: stats(firstRequest[i]!),
      firstRequestRatio: median(firstRequest[i]!) / baseMs,
      firstRequestRoute: b.heaviestRoute?.entryPoint,
    }),
  );

  const functions = built.filter((b) => !b.isBaseline);
  const largest = functions.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const slowest = bundles.filter((b) => !b.isBaseline).reduce((a, b) => (b.importRatio > a.importRatio ? b : a));
  const slowestFirst = bundles.filter((b) => !b.isBaseline).reduce((a, b) => (b.firstRequestRatio > a.firstRequestRatio ? b : a));
  // What a cold start parses: lazy chunks are left out.
  const initial = (b: (typeof built)[number]) => packageWeights(b.metafile, initialOutputs(b.metafile, b.outfile));
  const basePackages = initial(built[baseIdx]!);
  const packages = initial(largest);

  return {
    bundles,
    largest: largest.name,
    largestPackages: withBaseline(packages, basePackages),
    largestScopes: withBaseline(scopeWeights(packages), scopeWeights(basePackages)),
    goal: {
      maxImportRatio: GOALS.maxImportRatio,
      slowest: slowest.name,
      importRatio: slowest.importRatio,
      importRatioPaired: slowest.importRatioPaired,
      met: slowest.importRatio <= GOALS.maxImportRatio,
      slowestFirstRequest: slowestFirst.name,
      firstRequestRatio: slowestFirst.firstRequestRatio,
    },
  };
}
