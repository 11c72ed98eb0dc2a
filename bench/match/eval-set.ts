import { fileURLToPath } from 'node:url';
/**
 * Loads an evaluation set for matching from a directory:
 *
 * - `calls.json`: `[{ id, municipalityCode, cpvCodes, title, summary, description, … }]`
 * - `labels.json`: `{ "<callId>": { "<orgNumber>": grade } }`, grades 0–2 or 0–3 (0 or absent = not relevant)
 * - `companies.json` (optional): the company profiles the labels grade. Without it the set grades the
 *   demo market: the 7 named companies of infra/local/demo-data.ts and the generated ones, built the way
 *   the seed builds them (`generateCompanies(GENERATED_COMPANIES, 2026)`), not a copy.
 *
 * - `org-map.json` (optional): `{ "<old orgNumber>": "<new orgNumber>" }`, for when the demo data's
 *   organisation numbers change (profiles' capabilities, descriptions and codes unchanged): labels are read
 *   through it, so the grades keep meaning the same companies.
 *
 * Fails loudly when a file is missing, a call has no labels, or a label names a company not in the set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MatchProfile } from '../../shared/matching/match-index.js';
import type { MatchCall } from '../../shared/matching/score.js';
import { COMPANIES } from '../../infra/local/demo-data.js';
import { generateCompanies } from '../../infra/local/generate/companies.js';
import { GENERATED_COMPANIES } from '../../infra/local/seed.js';
import { toMatchProfile } from '../../functions/matching/match-index-cache.js';

export type Labels = Record<string, Record<string, number>>;

export interface EvalSet {
  name: string;
  dir: string;
  calls: MatchCall[];
  labels: Labels;
  profiles: MatchProfile[];
  /** Where the companies came from: the set's own companies.json, or the demo market. */
  companiesFrom: 'companies.json' | 'demo market';
  maxGrade: number;
}

/** The demo market exactly as the seed writes it (named demo companies + generated ones). */
export function demoMarketProfiles(): MatchProfile[] {
  const named = COMPANIES.map((o) => {
    const { updatedAt: _u, ...p } = toMatchProfile(o);
    return p;
  });
  return [...named, ...generateCompanies(GENERATED_COMPANIES, 2026)];
}

const readJson = <T>(dir: string, name: string): T => {
  const file = join(dir, name);
  if (!existsSync(file)) throw new Error(`Evaluation set ${dir}: ${name} is missing`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
};

/** Where the demo data's renumbering file lives. */
const DEMO_DIR = fileURLToPath(new URL('../../infra/local/', import.meta.url));

export function loadEvalSet(dirArg: string, name = dirArg): EvalSet {
  const dir = resolve(dirArg);
  const calls = readJson<MatchCall[]>(dir, 'calls.json');
  const rawLabels = readJson<Labels>(dir, 'labels.json');
  const ownMap = existsSync(join(dir, 'org-map.json')) ? readJson<Record<string, string>>(dir, 'org-map.json') : {};
  // Sets graded against the demo market by its earlier organisation numbers (910… and up) read through the
  // project's one renumbering file (infra/local/demo-renumbering.json); a set's own org-map.json comes first.
  const marketMap = existsSync(join(dir, 'companies.json')) ? {} : readJson<Record<string, string>>(DEMO_DIR, 'demo-renumbering.json');
  const orgMap: Record<string, string> = { ...marketMap, ...ownMap };
  const labels: Labels = Object.fromEntries(
    Object.entries(rawLabels).map(([id, grades]) => [id, Object.fromEntries(Object.entries(grades).map(([org, g]) => [orgMap[org] ?? org, g]))]),
  );
  let profiles: MatchProfile[];
  let companiesFrom: EvalSet['companiesFrom'];
  if (existsSync(join(dir, 'companies.json'))) {
    const raw = readJson<(Omit<MatchProfile, 'municipalityCode'> & { municipalityCode?: string | null })[]>(dir, 'companies.json');
    // `null` = based outside Østfold; the profile type says absent.
    profiles = raw.map(({ municipalityCode, ...p }) => (municipalityCode ? { ...p, municipalityCode } : p));
    companiesFrom = 'companies.json';
  } else {
    profiles = demoMarketProfiles();
    companiesFrom = 'demo market';
  }
  const orgs = new Set(profiles.map((p) => p.orgNumber));
  const problems: string[] = [];
  if (calls.length === 0) problems.push('calls.json has no calls');
  let maxGrade = 0;
  for (const call of calls) {
    const grades = labels[call.id];
    if (!grades || Object.keys(grades).length === 0) {
      problems.push(`call ${call.id} has no labels`);
      continue;
    }
    for (const [org, g] of Object.entries(grades)) {
      if (!orgs.has(org)) problems.push(`call ${call.id}: label for unknown company ${org}`);
      if (typeof g !== 'number' || g < 0 || g > 3) problems.push(`call ${call.id}: grade ${String(g)} for ${org} is not 0–3`);
      maxGrade = Math.max(maxGrade, g);
    }
    if (!Object.values(grades).some((g) => g > 0)) problems.push(`call ${call.id}: no company is graded relevant`);
  }
  for (const id of Object.keys(labels)) if (!calls.some((c) => c.id === id)) problems.push(`labels for unknown call ${id}`);
  if (problems.length)
    throw new Error(
      `Evaluation set ${dir} is not usable:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    );
  return { name, dir, calls, labels, profiles, companiesFrom, maxGrade };
}
