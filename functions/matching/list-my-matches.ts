import { municipalityName } from '../../shared/domain/municipalities.js';
import { scorePair } from '../../shared/matching/score.js';
import { matchCompany } from '../../shared/matching/match-index.js';
import type { CallMatch } from '../../shared/schemas/matching.js';
import { forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { listOpenCalls } from '../data/calls.js';
import { getOrganisation } from '../data/organisations.js';
import { currentMatchIndex, toMatchProfile } from './match-index-cache.js';

/** Open calls ranked for the caller's company, scored with the same function the partner lists use. */
export async function listMyMatches(limit: number, principal: Principal): Promise<{ items: CallMatch[] }> {
  const org = await getOrganisation(principal.orgId);
  if (!org || org.kind !== 'company') throw forbidden('Your organisation is not registered as a company.');
  const [index, calls] = await Promise.all([currentMatchIndex(), listOpenCalls(now().toISOString())]);
  // The profile as stored right now, even if the index has not caught up with an edit yet.
  const company = matchCompany(toMatchProfile(org));
  const items = calls
    .map((call) => ({ call, pair: scorePair(call, company, index.stats) }))
    .sort((a, b) => b.pair.score - a.pair.score || (a.call.deadline < b.call.deadline ? -1 : 1))
    .slice(0, limit);
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
