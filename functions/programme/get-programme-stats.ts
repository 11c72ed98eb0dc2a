import type { ProgrammeStats } from '../../shared/schemas/programme.js';
import { now } from '../core/clock.js';
import { getCompanySme, listAllCalls, listPromotionsAndMembers, listProposalStamps } from '../data/programme.js';
import { computeStats } from './compute-stats.js';
import { proposalFiguresMayBeShown } from '../../shared/domain/procedure.js';
import { phaseOf } from '../calls/view.js';
import { getOutcomes } from '../data/sharing.js';

/** The figures are read across the whole table; one computation serves every request for this long. */
export const STATS_TTL_MS = 30_000;

let cached: { at: number; stats: ProgrammeStats } | undefined;
let inFlight: Promise<ProgrammeStats> | undefined;

/** The programme dashboard figures, computed at most once per STATS_TTL_MS per process. */
export async function getProgrammeStats(): Promise<ProgrammeStats> {
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached.stats;
  inFlight ??= compute()
    .then((stats) => {
      cached = { at: Date.now(), stats };
      return stats;
    })
    .finally(() => (inFlight = undefined));
  return inFlight;
}

async function compute(): Promise<ProgrammeStats> {
  const [calls, proposals, promo] = await Promise.all([listAllCalls(), listProposalStamps(), listPromotionsAndMembers()]);
  // Proposal figures only for calls whose municipality has chosen its partners (shared/domain/procedure.ts).
  const outcomes = await getOutcomes(calls.filter((c) => c.publishedAt).map((c) => c.id));
  const at = now();
  const chosen = new Set(calls.filter((c) => proposalFiguresMayBeShown(phaseOf(c, at), outcomes.has(c.id))).map((c) => c.id));
  const sme = await getCompanySme(proposals.filter((p) => chosen.has(p.callId)).map((p) => p.orgNumber));
  return computeStats({ calls, proposals, sme, chosen, ...promo }, at);
}

/** Tests (and a future write path) drop the cached figures. */
export function resetProgrammeStatsCache(): void {
  cached = undefined;
}
