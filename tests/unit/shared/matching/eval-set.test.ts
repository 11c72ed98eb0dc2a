import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../../../bench/match/eval-set.js';

const call = {
  id: 'x-01',
  municipalityCode: '3101',
  domains: ['safety'],
  cpvCodes: [],
  title: 'Flomvarsling',
  summary: 'Varsel om flom.',
  description: 'Sensorer i overvannsnettet.',
};
const dir = (files: Record<string, unknown>) => {
  const d = mkdtempSync(join(tmpdir(), 'match-eval-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(d, name), JSON.stringify(body));
  return d;
};

describe('loadEvalSet', () => {
  it('reads a set without companies.json against the demo market, as the seed builds it', () => {
    const set = loadEvalSet(dir({ 'calls.json': [call], 'labels.json': { 'x-01': { '910000551': 3 } } }));
    expect(set.companiesFrom).toBe('demo market');
    expect(set.profiles).toHaveLength(407);
  });

  it('fails loudly when labels are missing, a call has none, or a label names an unknown company', () => {
    expect(() => loadEvalSet(dir({ 'calls.json': [call] }))).toThrow(/labels.json is missing/);
    expect(() => loadEvalSet(dir({ 'calls.json': [call], 'labels.json': {} }))).toThrow(/x-01 has no labels/);
    expect(() => loadEvalSet(dir({ 'calls.json': [call], 'labels.json': { 'x-01': { '123456789': 2 } } }))).toThrow(/unknown company 123456789/);
  });

  it('reads labels through org-map.json when organisation numbers change', () => {
    const set = loadEvalSet(dir({ 'calls.json': [call], 'labels.json': { 'x-01': { old: 3 } }, 'org-map.json': { old: '210000550' } }));
    expect(set.labels['x-01']).toEqual({ '210000550': 3 });
  });

  it('reads labels by the earlier numbers of the demo market through infra/local/demo-renumbering.json', () => {
    const set = loadEvalSet(dir({ 'calls.json': [call], 'labels.json': { 'x-01': { '910000551': 2 } } }));
    expect(set.labels['x-01']).toEqual({ '210000550': 2 });
  });

  it('loads both sets in the repository', () => {
    expect(loadEvalSet('tests/fixtures/match-eval').calls).toHaveLength(27);
    const blind = loadEvalSet('tests/fixtures/match-eval-blind');
    expect(blind.calls).toHaveLength(20);
    expect(blind.maxGrade).toBe(3);
  });
});
