import { municipalityName } from '../../shared/domain/municipalities.js';
import { callQuery, type WeightedQuery } from '../../shared/matching/analyze.js';
import { pairScore, scorePair, type MatchCall } from '../../shared/matching/score.js';
import { matchCompany } from '../../shared/matching/match-index.js';
import type { CallMatch } from '../../shared/schemas/matching.js';
import { forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { listOpenCalls } from '../data/calls.js';
import { getOrganisation } from '../data/organisations.js';
import { currentMatchIndex, toMatchProfile } from './match-index-cache.js';

/**
 * Each open call analysed once per container: the open calls come from a per-container copy
 * (published-snapshot.ts) whose records are replaced, not changed, when a call changes.
 */
const queries = new WeakMap<MatchCall, WeightedQuery>();
const queryOf = (call: MatchCall) => {
  let q = queries.get(call);
  if (!q) queries.set(call, (q = callQuery(call)));
  return q;
};

/** Open calls ranked for the caller's company, scored with the same function the partner lists use. */
export async function listMyMatches(limit: number, principal: Principal): Promise<{ items: CallMatch[] }> {
  const org = await getOrganisation(principal.orgId);
  if (!org || org.kind !== 'company') throw forbidden('Your organisation is not registered as a company.');
  const [index, calls] = await Promise.all([currentMatchIndex(), listOpenCalls(now().toISOString())]);
  // The profile as stored right now, even if the index has not caught up with an edit yet.
  const company = matchCompany(toMatchProfile(org));
  // Every open call scored (a number each), reasons only for the ones shown.
  const items = calls
    .map((call) => ({ call, score: pairScore(call, company, index.stats, queryOf(call)) }))
    .sort((a, b) => b.score - a.score || (a.call.deadline < b.call.deadline ? -1 : 1))
    .slice(0, limit)
    .map(({ call }) => ({ call, pair: scorePair(call, company, index.stats, queryOf(call)) }));
  return {
    items: items.map(({ call, pair }) => ({
      callId: call.id,
      title: call.title,
      municipalityCode: call.municipalityCode,
      municipalityName: municipalityName(call.municipalityCode) ?? call.municipalityCode,
      deadline: call.deadline,
      score: pair.score,
      reasons: pair.reasons,
    })),
  };
}
