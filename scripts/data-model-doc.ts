/**
 * Writes the tables of declared item types and their access patterns into docs/data-model.md, between
 * the generated markers, from the declarations in functions/data (functions/data/registry.ts).
 * `npm run docs:data` rewrites the section; tests/unit/functions/data/data-model-doc.test.ts fails when
 * the document and the declarations differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENTITIES } from '../functions/data/registry.js';

export const DOC = fileURLToPath(new URL('../docs/data-model.md', import.meta.url));
const BEGIN = '<!-- generated:entities (npm run docs:data) -->';
const END = '<!-- /generated:entities -->';

const code = (s: string | undefined) => (s ? `\`${s.replace(/\|/g, '\\|')}\`` : '—');

export function renderEntities(): string {
  const items = [
    '| item (`type`) | pk | sk | what it is |',
    '|---|---|---|---|',
    ...ENTITIES.map((e) => `| ${e.type} | ${code(e.keyTemplate.pk)} | ${code(e.keyTemplate.sk)} | ${e.description} |`),
  ];
  const patterns = [
    '| item | access pattern | index | partition | sort key |',
    '|---|---|---|---|---|',
    ...ENTITIES.flatMap((e) => e.patterns.map((p) => `| ${e.type} | ${p.name} | ${p.index} | ${code(p.partition)} | ${code(p.sort)} |`)),
  ];
  return [BEGIN, '', '### Declared item types', '', ...items, '', '### Their access patterns', '', ...patterns, '', END].join('\n');
}

/** The document with its generated section replaced (or appended after the first heading's paragraph). */
export function documentWithEntities(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start >= 0 && end > start) return doc.slice(0, start) + renderEntities() + doc.slice(end + END.length);
  const at = doc.indexOf('\n## ');
  return `${doc.slice(0, at)}\n\n${renderEntities()}\n${doc.slice(at)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const before = readFileSync(DOC, 'utf8');
  const after = documentWithEntities(before);
  if (after !== before) writeFileSync(DOC, after);
  console.log(after === before ? 'docs/data-model.md is up to date' : 'docs/data-model.md rewritten');
}
