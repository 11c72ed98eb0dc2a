import { municipalityName } from '../../shared/domain/municipalities.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import type { Slate, SlateRequest } from '../../shared/schemas/matching.js';
import { badRequest } from '../core/errors.js';
import { now } from '../core/clock.js';
import { getCalls, listOpenCalls, type CallRecord } from '../data/calls.js';
import { currentMatchIndex } from '../matching/match-index-cache.js';
import { proposeSlateOnAllCores } from '../matching/rank-on-all-cores.js';
import { partnerView } from '../matching/views.js';

/**
 * A partner slate for many open calls at once (the programme owner's view): each company takes on no
 * more projects than its capacity, and the total score is the best possible under the scoring.
 */
export async function proposePartnerSlate(request: SlateRequest): Promise<Slate> {
  const at = now();
  const calls = request.callIds ? await namedOpenCalls(request.callIds, at) : await listOpenCalls(at.toISOString());
  const partnersPerCall = request.partnersPerCall ?? 1;
  const respectCapacity = request.respectCapacity ?? true;
  const index = await currentMatchIndex();
  const started = performance.now();
  const slate = await proposeSlateOnAllCores(index, calls, { partnersPerCall, capacity: respectCapacity ? undefined : () => calls.length * partnersPerCall });
  const solveMs = Math.round((performance.now() - started) * 10) / 10;
  return {
    items: slate.items.map(({ call, partners }) => ({
      callId: call.id,
      title: (call as CallRecord).title,
      municipalityName: municipalityName(call.municipalityCode) ?? call.municipalityCode,
      partners: partners.map((p) => partnerView(index, p.company, p.explain())),
    })),
    total: slate.total,
    partnersPerCall,
    respectCapacity,
    evidence: { ...slate.evidence, solveMs },
  };
}

async function namedOpenCalls(ids: string[], at: Date): Promise<CallRecord[]> {
  const found = await getCalls(ids);
  const notOpen = [...new Set(ids)].filter((id) => {
    const c = found.get(id);
    return !c || effectiveStatus(c.status, c.deadline, at) !== 'open';
  });
  if (notOpen.length) {
    throw badRequest(
      'A slate is for open calls only.',
      notOpen.map((id) => ({ path: 'callIds', message: `${id} is not an open call` })),
    );
  }
  return [...new Set(ids)].map((id) => found.get(id)!);
}
