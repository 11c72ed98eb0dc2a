import { MatchIndex, type MatchProfile } from '../../shared/matching/match-index.js';
import { COMPANY_DEFAULTS } from '../../shared/schemas/organisations.js';
import { companiesChangedSince, type OrganisationRecord } from '../data/organisations.js';

/**
 * The match index of one process (one Lambda container): loaded once from the company-changes index,
 * then kept fresh by asking, at most once per CHECK_MS, for profiles changed since the newest one it
 * has seen. A change rebuilds the index (a few hundred ms at 10,000 companies), so a profile edit shows
 * up in matches within about a second. See docs/matching.md.
 */
export const CHECK_MS = 1000;
/** Writes from other containers can land with a slightly older updatedAt than ours; look back this far. */
const OVERLAP_MS = 5000;

interface State {
  profiles: Map<string, MatchProfile & { updatedAt: string }>;
  index: MatchIndex;
  newest: string;
  checkedAt: number;
}

let state: State | undefined;
let pending: Promise<MatchIndex> | undefined;

export function toMatchProfile(org: OrganisationRecord): MatchProfile & { updatedAt: string } {
  return {
    orgNumber: org.id,
    name: org.name,
    description: org.description ?? '',
    capabilities: org.capabilities ?? [],
    cpvCodes: org.cpvCodes ?? [],
    municipalityCode: org.municipalityCode,
    sme: org.sme ?? COMPANY_DEFAULTS.sme,
    capacity: org.capacity ?? COMPANY_DEFAULTS.capacity,
    updatedAt: org.updatedAt ?? '',
  };
}

export async function currentMatchIndex(): Promise<MatchIndex> {
  if (state && Date.now() - state.checkedAt < CHECK_MS) return state.index;
  pending ??= refresh().finally(() => (pending = undefined));
  return pending;
}

async function refresh(): Promise<MatchIndex> {
  const checkedAt = Date.now();
  if (!state) {
    const all = await companiesChangedSince('');
    const profiles = new Map(all.map((o) => [o.id, toMatchProfile(o)]));
    state = { profiles, index: new MatchIndex([...profiles.values()]), newest: newestOf(profiles.values()), checkedAt };
    return state.index;
  }
  const since = new Date(Math.max(0, Date.parse(state.newest || '1970-01-01T00:00:00Z') - OVERLAP_MS)).toISOString();
  const changed = (await companiesChangedSince(since)).filter((o) => (state!.profiles.get(o.id)?.updatedAt ?? '') < (o.updatedAt ?? ''));
  if (changed.length > 0) {
    for (const o of changed) state.profiles.set(o.id, toMatchProfile(o));
    state.index = new MatchIndex([...state.profiles.values()]);
    state.newest = newestOf(state.profiles.values());
  }
  state.checkedAt = checkedAt;
  return state.index;
}

function newestOf(profiles: Iterable<{ updatedAt: string }>): string {
  let newest = '';
  for (const p of profiles) if (p.updatedAt > newest) newest = p.updatedAt;
  return newest;
}

/** Tests start each stack from scratch. */
export function resetMatchIndex(): void {
  state = undefined;
}
