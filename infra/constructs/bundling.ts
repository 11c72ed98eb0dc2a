/**
 * How every Lambda bundle is built, as plain data. The CDK functions and the benchmark (bench/) both read
 * this file, so what gets measured is what gets deployed. No runtime import of aws-cdk-lib: the bench can
 * load it without pulling in the CDK.
 */
import type { BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** Matches the Lambda runtime in api-function.ts; change both together. */
export const NODE_TARGET = 'node22';

/** The AWS SDK's CommonJS dependencies call require(); ESM bundles have no require unless we make one. */
export const CREATE_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: NODE_TARGET,
  minify: true,
  sourcemap: true,
  // Stack traces only need mappings, not the original sources; this keeps the .map small to load.
  sourcesContent: false,
  // Nothing external: we bundle (and so pin) the AWS SDK instead of trusting the runtime's copy.
  external: [] as string[],
  // Prefer the ESM builds of dependencies so esbuild can tree-shake them.
  mainFields: ['module', 'main'],
  banner: CREATE_REQUIRE_BANNER,
} as const;

/** The NodejsFunction `bundling` props equivalent to BUNDLE. */
export const nodejsBundling: BundlingOptions = {
  format: BUNDLE.format as OutputFormat,
  target: BUNDLE.target,
  minify: BUNDLE.minify,
  sourceMap: BUNDLE.sourcemap,
  sourcesContent: BUNDLE.sourcesContent,
  externalModules: BUNDLE.external,
  mainFields: [...BUNDLE.mainFields],
  banner: BUNDLE.banner,
};

/**
 * esbuild options producing the same bundle NodejsFunction produces (it runs
 * `esbuild --bundle <entry> --target --platform --format --outfile --minify --sourcemap ...`).
 * NodejsFunction names the file index.mjs for ESM; pass an outfile ending in .mjs to match.
 */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: BUNDLE.format,
    platform: BUNDLE.platform,
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourcemap,
    sourcesContent: BUNDLE.sourcesContent,
    external: [...BUNDLE.external],
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
  };
}
