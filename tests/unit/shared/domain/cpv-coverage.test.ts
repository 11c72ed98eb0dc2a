/**
 * Every CPV code the product can show (demo data, seeds, generators, test fixtures, the web app's own
 * text) is a code of the official list, and shows that code's own official label, not an ancestor's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cpvLabel, cpvLabelPairs, cpvParent, isOfficialCpv, isRdServicesCode } from '../../../../shared/domain/cpv.js';
import { CALL_TEMPLATES, COMPANIES } from '../../../../infra/local/demo-data.js';
import { DOMAIN_VOCABULARY, generateCompanies } from '../../../../infra/local/generate/companies.js';
import { generateCalls } from '../../../../infra/local/generate/calls.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const rows = new Map<string, { nb: string; en: string }>(
  (JSON.parse(readFileSync(join(root, 'shared/data/cpv-2008.json'), 'utf8')).codes as string[][]).map(([c, nb, en]) => [c!, { nb: nb!, en: en! }]),
);

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'paraglide' || name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

/** Eight-digit numbers in text (org numbers have nine digits and do not match). */
const codesInText = (text: string) => [...text.matchAll(/(?<![\d-])(\d{8})(?:-\d)?(?!\d)/g)].map((m) => m[1]!);
/** Eight-digit string literals in code (numeric arguments such as org-number bases are not codes). */
const codesInLiterals = (text: string) => [...text.matchAll(/['"](\d{8})(?:-\d)?['"]/g)].map((m) => m[1]!);

const sources: Record<string, string[]> = {
  'demo companies': COMPANIES.flatMap((c) => c.cpvCodes ?? []),
  'demo calls': CALL_TEMPLATES.flatMap((c) => c.cpvCodes),
  'generated companies (400 demo profiles)': generateCompanies(400, 2026).flatMap((c) => c.cpvCodes),
  'company generator vocabulary': Object.values(DOMAIN_VOCABULARY).flatMap((v) => [...v.cpvSpecific, ...v.cpvBroad]),
  'generated calls': generateCalls(150, 3, new Date('2026-03-01T00:00:00Z')).flatMap((c) => c.cpvCodes),
  'seeds (infra/local)': files(join(root, 'infra/local'), /\.ts$/).flatMap((f) => codesInLiterals(readFileSync(f, 'utf8'))),
  'match-eval fixtures': ['companies.json', 'calls.json'].flatMap((f) =>
    (JSON.parse(readFileSync(join(root, 'tests/fixtures/match-eval', f), 'utf8')) as { cpvCodes: string[] }[]).flatMap((x) => x.cpvCodes),
  ),
  'web app and its messages': [...files(join(root, 'web/src'), /\.(ts|svelte)$/), ...files(join(root, 'web/messages'), /\.json$/)].flatMap((f) =>
    codesInText(readFileSync(f, 'utf8')),
  ),
};

describe.each(Object.entries(sources))('CPV codes in %s', (_, codes) => {
  it('exist, are in the official list and show their own official label', () => {
    expect(codes.length).toBeGreaterThan(0);
    const unknown = [...new Set(codes)].filter((c) => !isOfficialCpv(c));
    expect(unknown).toEqual([]);
    for (const code of new Set(codes)) {
      expect(cpvLabelPairs([code])[code], code).toEqual(rows.get(code));
      const parent = cpvParent(code);
      if (parent && rows.get(parent)!.nb !== rows.get(code)!.nb) expect(cpvLabel(code)).not.toBe(cpvLabel(parent));
    }
  });
});

describe('labels the issue found wrong', () => {
  it.each([
    ['38730000', 'Parkometre', 'Parking meters'],
    ['38700000', 'Tidsmålere og liknende; parkometer', 'Time registers and the like; parking meters'],
    ['72500000', 'Datamaskinrelaterte tjenester', 'Computer-related services'],
    ['48400000', 'Programvare relatert til forretningsvirksomhet', 'Business transaction and personal business software package'],
  ])('%s is «%s» / «%s»', (code, nb, en) => {
    expect(cpvLabelPairs([code])[code]).toEqual({ nb, en });
  });
});

describe('pre-commercial procurements carry an R&D services code', () => {
  it('in the demo calls', () => {
    const pcp = CALL_TEMPLATES.filter((c) => c.procedure === 'pre-commercial');
    expect(pcp.length).toBeGreaterThan(0);
    for (const c of pcp) expect(c.cpvCodes.some(isRdServicesCode), c.title).toBe(true);
  });

  it('in the generated calls', () => {
    const pcp = generateCalls(150, 3, new Date('2026-03-01T00:00:00Z')).filter((c) => c.procedure === 'pre-commercial');
    expect(pcp.length).toBeGreaterThan(0);
    for (const c of pcp) expect(c.cpvCodes.some(isRdServicesCode), c.title).toBe(true);
  });
});
