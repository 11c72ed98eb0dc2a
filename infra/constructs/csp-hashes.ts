import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `'sha256-…'` of every inline <script> in the built pages (SvelteKit's bootstrap), so the CSP header can
 * allow exactly those scripts instead of 'unsafe-inline'. Without a build there are no pages and no hashes.
 */
export function inlineScriptHashes(buildDir: string): string[] {
  if (!existsSync(buildDir)) return [];
  const hashes = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== '_app') walk(path);
      } else if (name.endsWith('.html')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
          if (m[1]!.trim()) hashes.add(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
        }
      }
    }
  };
  walk(buildDir);
  return [...hashes].sort();
}
