import type { ProgrammeStats } from '../../shared/schemas/programme.js';
import { now } from '../core/clock.js';
import { getCompanySme, listAllCalls, listPromotionsAndMembers, listProposalStamps } from '../data/programme.js';
import { computeStats } from './compute-stats.js';
import { proposalFiguresMayBeShown } from '../../shared/domain/procedure.js';
import { phaseOf } from '../calls/view.js';
import { getOutcomes } from '../data/sharing.js';

/**
 * The dashboard figures recomputed from every call, proposal, promotion and membership (what the dashboard
 * did before the counters: ~1,200 RCU at Østfold size). Not on any route: the tests and the scale bench
 * compare the counters with it, and an operator can use it to check them (docs/data-model.md).
 */
export async function recomputeProgrammeStats(): Promise<ProgrammeStats> {
  const [calls, proposals, promo] = await Promise.all([listAllCalls(), listProposalStamps(), listPromotionsAndMembers()]);
  // Proposal figures only for calls whose municipality has chosen its partners (shared/domain/procedure.ts).
  const outcomes = await getOutcomes(calls.filter((c) => c.publishedAt).map((c) => c.id));
  const at = now();
  const chosen = new Set(calls.filter((c) => proposalFiguresMayBeShown(phaseOf(c, at), outcomes.has(c.id))).map((c) => c.id));
  const sme = await getCompanySme(proposals.filter((p) => chosen.has(p.callId)).map((p) => p.orgNumber));
  return computeStats({ calls, proposals, sme, chosen, ...promo }, at);
}
