/**
 * Derives shared/data/cpv-2008.json (the official CPV 2008 list the product ships) from DFØ's code list.
 *
 *   npx tsx scripts/build-cpv-list.ts [path/to/cpv-2008]      (default: ../shared/data/cpv-2008)
 *
 * Source: DFØ, github.com/anskaffelser/eforms-sdk-nor, src/codelists/cpv.yaml, CC BY 4.0.
 * What this changes, and nothing else: keeps code, bokmål and English label of every code; trims and
 * collapses runs of spaces inside labels; applies the reviewed corrections in shared/data/cpv-overrides.json
 * (each with its reason). The output names the source, the licence and the corrected codes in its header.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = resolve(process.argv[2] ?? join(root, '../shared/data/cpv-2008'));

interface Entry {
  code: string;
  en?: string;
  nb?: string;
}

/** The list is plain YAML of one shape: `'NNNNNNNN':` then two-space `name:`/`nob:`; deeper lines are history. */
export function parseCpvYaml(text: string): Entry[] {
  const entries: Entry[] = [];
  let current: Entry | undefined;
  for (const line of text.split('\n')) {
    const top = /^'(\d{8})':\s*$/.exec(line);
    if (top) {
      current = { code: top[1]! };
      entries.push(current);
      continue;
    }
    const field = /^ {2}(name|nob): (.*)$/.exec(line);
    if (field && current) {
      const value = unquote(field[2]!);
      if (field[1] === 'name') current.en = value;
      else current.nb = value;
    }
  }
  return entries;
}

function unquote(raw: string): string {
  const s = raw.trim();
  if (s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replaceAll("''", "'");
  if (s.startsWith('"') && s.endsWith('"')) return JSON.parse(s) as string;
  return s;
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

const entries = parseCpvYaml(readFileSync(join(sourceDir, 'cpv.yaml'), 'utf8'));
const { overrides } = JSON.parse(readFileSync(join(root, 'shared/data/cpv-overrides.json'), 'utf8')) as {
  overrides: { code: string; from: string; nb: string; reason: string }[];
};
const byCode = new Map(entries.map((e) => [e.code, e]));
for (const o of overrides) {
  const e = byCode.get(o.code);
  if (!e) throw new Error(`Override for ${o.code}: no such code in the source`);
  if (tidy(e.nb ?? '') !== o.from) throw new Error(`Override for ${o.code}: source now says «${e.nb}», not «${o.from}»; review it`);
  e.nb = o.nb;
}
for (const e of entries) if (!e.en || !e.nb) throw new Error(`Code ${e.code} lacks a label`);

const out = {
  attribution: 'CPV-koder og norske betegnelser: DFØ, eforms-sdk-nor, CC BY 4.0',
  license: 'Creative Commons Attribution 4.0 International, https://creativecommons.org/licenses/by/4.0/',
  source:
    'Direktoratet for forvaltning og økonomistyring (DFØ), github.com/anskaffelser/eforms-sdk-nor, src/codelists/cpv.yaml, commit c1bbd6c52aecfdac7c1a2912ddfbba18fb410be2 (2026-08-18); CPV 2008, Regulation (EC) No 213/2008',
  changes: `Derived by scripts/build-cpv-list.ts: code (8 digits, no check digit), bokmål and English label only; whitespace in labels trimmed and collapsed; ${overrides.length} bokmål labels corrected as reviewed in shared/data/cpv-overrides.json (${overrides.map((o) => o.code).join(', ')}).`,
  columns: ['code', 'nb', 'en'],
  codes: entries.map((e) => [e.code, tidy(e.nb!), tidy(e.en!)]),
};
const target = join(root, 'shared/data/cpv-2008.json');
writeFileSync(target, `${JSON.stringify(out, null, 0).replace('"codes":[', '"codes":[\n').replaceAll('],[', '],\n[')}\n`);
console.log(`${target}: ${entries.length} codes, ${overrides.length} overrides`);
