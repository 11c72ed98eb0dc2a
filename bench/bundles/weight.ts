import type { Metafile } from 'esbuild';

export interface PackageWeight {
  name: string;
  bytes: number;
}

/** "node_modules/@aws-sdk/client-dynamodb/dist-es/x.js" → "@aws-sdk/client-dynamodb"; our code → "(project) functions". */
export function packageOf(inputPath: string): string {
  const parts = inputPath.split('/');
  const nm = parts.lastIndexOf('node_modules');
  if (nm === -1) return `(project) ${parts.find((p) => p !== '..' && p !== '.') ?? inputPath}`;
  const first = parts[nm + 1] ?? '?';
  return first.startsWith('@') ? `${first}/${parts[nm + 2] ?? '?'}` : first;
}

/** Bytes each package contributes to the minified output (or to the given outputs only), heaviest first. */
export function packageWeights(metafile: Metafile, only?: readonly string[]): PackageWeight[] {
  const byPackage = new Map<string, number>();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (only && !only.includes(path)) continue;
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The same weights rolled up to npm scopes (@aws-sdk/*, @smithy/*, @middy/*); unscoped stay as they are. */
export function scopeWeights(weights: readonly PackageWeight[]): PackageWeight[] {
  const byScope = new Map<string, number>();
  for (const { name, bytes } of weights) {
    const scope = name.startsWith('@') ? `${name.split('/')[0]}/*` : name;
    byScope.set(scope, (byScope.get(scope) ?? 0) + bytes);
  }
  return [...byScope].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}
