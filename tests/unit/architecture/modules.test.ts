/**
 * Rules about the shape of the code that no type checker enforces: no import cycles (type-only imports
 * included), only the data layer talks to DynamoDB, and no two files of the same name export the same
 * function (a reader must know which file owns a behaviour).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SCOPE = ['functions', 'shared', 'infra'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : files(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const sources = SCOPE.flatMap((d) => files(join(ROOT, d)));
const text = new Map(sources.map((f) => [f, readFileSync(f, 'utf8')]));
const rel = (f: string) => relative(ROOT, f);

/** Every module specifier a file imports or re-exports, type-only ones included. */
function specifiers(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of src.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function localTarget(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const target = resolve(dirname(from), spec.replace(/\.js$/, '.ts'));
  return text.has(target) ? target : undefined;
}

describe('module structure', () => {
  it('reads a few hundred modules (the rules below are not vacuous)', () => {
    expect(sources.length).toBeGreaterThan(150);
  });

  it('has no import cycles, type-only imports included', () => {
    const graph = new Map(
      sources.map((f) => [
        f,
        specifiers(text.get(f)!)
          .map((s) => localTarget(f, s))
          .filter((t): t is string => !!t),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of graph.get(f) ?? []) {
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].map(rel).join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of sources) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('talks to DynamoDB only in functions/data', () => {
    const outside = sources
      .filter((f) => !rel(f).startsWith('functions/data/'))
      .filter((f) => specifiers(text.get(f)!).some((s) => s.startsWith('@aws-sdk/client-dynamodb') || s.startsWith('@aws-sdk/lib-dynamodb')))
      .map(rel);
    expect(outside).toEqual([]);
  });

  it('lets no two files of the same name export the same function', () => {
    const exported = (src: string) => [...src.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
    const byName = new Map<string, string[]>();
    for (const f of sources) byName.set(basename(f), [...(byName.get(basename(f)) ?? []), f]);
    const clashes: string[] = [];
    for (const group of byName.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = new Set(exported(text.get(group[i]!)!));
          for (const name of exported(text.get(group[j]!)!)) if (a.has(name)) clashes.push(`${name}: ${rel(group[i]!)} and ${rel(group[j]!)}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
