import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDemoOrgNumber, isValidOrgNumber, withCheckDigit } from '../../../../shared/domain/org-number.js';
import { MUNICIPALITIES } from '../../../../shared/domain/municipalities.js';
import { ASSOCIATIONS, COMPANIES, PROGRAMME } from '../../../../infra/local/demo-data.js';
import { generateCompanies } from '../../../../infra/local/generate/companies.js';
import { GENERATED_COMPANIES } from '../../../../infra/local/seed.js';

const renumbering = JSON.parse(readFileSync(new URL('../../../../infra/local/demo-renumbering.json', import.meta.url), 'utf8')) as Record<string, string>;
const generated = generateCompanies(GENERATED_COMPANIES, 2026);

/** The numbers the demo used before it moved out of the range Enhetsregisteret issues. */
function previousNumbers(): string[] {
  const from = (n: number) => {
    for (; ; n++) {
      const c = withCheckDigit(String(n));
      if (c) return c;
    }
  };
  const named = [91234560, 92345670, 93456780, 94567890, 95678900, 96789010, 97890120].map(from);
  const gen: string[] = [];
  for (let n = 91_000_000; gen.length < GENERATED_COMPANIES; n++) {
    const c = withCheckDigit(String(n));
    if (c) gen.push(c);
  }
  return [...named, ...gen];
}

describe('demo organisation numbers', () => {
  const all = [...COMPANIES, ...ASSOCIATIONS, PROGRAMME].map((o) => o.id).concat(generated.map((c) => c.orgNumber));

  it("are MOD11-valid and begin with 1–7, so none can be a real entity's (real ones begin with 8 or 9)", () => {
    for (const n of all) expect(isDemoOrgNumber(n), n).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('the same holds for the 10,000 companies of the benchmark', () => {
    const many = generateCompanies(10_000, 2026).map((c) => c.orgNumber);
    expect(many.filter((n) => !isDemoOrgNumber(n))).toEqual([]);
  });

  it("000000000 is no one's number", () => {
    expect(isValidOrgNumber('000000000')).toBe(false);
    expect(isDemoOrgNumber('000000000')).toBe(false);
  });
});

describe('infra/local/demo-renumbering.json', () => {
  const previous = previousNumbers();
  const current = [...COMPANIES.map((c) => c.id), ...generated.map((c) => c.orgNumber)];

  it('maps every previous demo company number (7 named + 400 generated) to its current one, and nothing else', () => {
    expect(Object.keys(renumbering).sort()).toEqual([...previous].sort());
    previous.forEach((old, i) => expect(renumbering[old], old).toBe(current[i]));
  });

  it('maps to distinct MOD11-valid demo numbers, from real-range numbers', () => {
    for (const [old, now] of Object.entries(renumbering)) {
      expect(isValidOrgNumber(old) && /^9/.test(old), old).toBe(true);
      expect(isDemoOrgNumber(now), now).toBe(true);
    }
    expect(new Set(Object.values(renumbering)).size).toBe(Object.keys(renumbering).length);
  });
});

describe('demo names', () => {
  const realPlaces = [...MUNICIPALITIES.map((m) => m.name), 'Østfold', 'Viken', 'Glomma', 'Mysen', 'Askim', 'Oslo', 'Tune', 'Jeløy', 'Skjærhalden'];

  it('are evidently fictional: marked (demo), no «AS», no real place', () => {
    for (const o of [...COMPANIES, ...ASSOCIATIONS, PROGRAMME, ...generated]) {
      expect(o.name, o.name).toMatch(/\(demo\)$/);
      expect(o.name).not.toMatch(/\bAS\b/);
      for (const place of realPlaces) expect(o.name, o.name).not.toMatch(new RegExp(`(^|\\s)${place}(\\s|$)`, 'u'));
    }
  });

  it('are unique', () => {
    const names = generateCompanies(10_000, 2026).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the generated profiles the matching evaluation grades', () => {
  it('keep their descriptions, tags, codes, place, size and capacity (only names and numbers changed)', () => {
    const profile = (c: (typeof generated)[number]) => JSON.stringify([c.description, c.capabilities, c.cpvCodes, c.municipalityCode, c.sme, c.capacity]);
    const digest = createHash('sha256').update(generated.map(profile).join('\n')).digest('hex');
    expect(digest).toBe('749e285a8a5a6dd2b0af28af150a5c67e847f9c6a1ab83fbab8edba076292b31');
  });
});
