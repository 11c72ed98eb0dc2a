import { municipalityName } from '../../shared/domain/municipalities.js';
import { PHASES, daysStuck, median, phaseSince, type Phase } from '../../shared/domain/procedure.js';
import { now } from '../core/clock.js';
import { listAllCalls } from '../data/programme.js';
import { phaseOf, phaseState } from '../calls/view.js';

const DAY = 86_400_000;

/**
 * award issue, for the programme owner: how many calls are in each phase across the twelve municipalities, the
 * median number of days from publication to contract, and the calls stuck in a phase (shared/domain/procedure.ts).
 */
export async function programmePhases() {
  const at = now();
  const calls = await listAllCalls();
  const counts = new Map<Phase, number>(PHASES.map((p) => [p, 0]));
  const toContract: number[] = [];
  const stuck: { callId: string; title: string; municipalityName: string; phase: Phase; since: string; days: number }[] = [];
  for (const c of calls) {
    const phase = phaseOf(c, at);
    counts.set(phase, (counts.get(phase) ?? 0) + 1);
    if (c.contract && c.publishedAt) toContract.push((Date.parse(c.contract.signedAt) - Date.parse(c.publishedAt)) / DAY);
    const since = phaseSince(phase, { ...phaseState(c), lastWithdrawnAt: c.withdrawnAwards?.at(-1)?.withdrawnAt });
    const days = daysStuck(phase, since, at);
    if (days !== undefined && since) {
      stuck.push({ callId: c.id, title: c.title, municipalityName: municipalityName(c.municipalityCode) ?? c.municipalityCode, phase, since, days });
    }
  }
  const mid = median(toContract);
  return {
    byPhase: PHASES.map((phase) => ({ phase, count: counts.get(phase) ?? 0 })),
    contracted: toContract.length,
    medianDaysToContract: mid === undefined ? null : Math.round(mid * 10) / 10,
    stuck: stuck.sort((a, b) => b.days - a.days),
  };
}
