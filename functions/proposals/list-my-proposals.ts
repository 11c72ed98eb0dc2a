import { effectiveStatus } from '../../shared/domain/call-status.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import type { Page } from '../../shared/schemas/common.js';
import type { MyProposal } from '../../shared/schemas/proposals.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCalls } from '../data/calls.js';
import { decodeCursor, encodeCursor } from '../data/cursor.js';
import type { Key } from '../data/paging.js';
import { queryCompanyProposals } from '../data/proposals.js';
import { proposalView } from './view.js';
import { phaseOf } from '../calls/view.js';

export async function listMyProposals(query: { limit?: number; cursor?: string }, principal: Principal): Promise<Page<MyProposal>> {
  const start = query.cursor ? decodeCursor<{ s: string; key: Key }>(query.cursor, `proposals:mine:${principal.orgId}`).key : undefined;
  const page = await queryCompanyProposals(principal.orgId, query.limit ?? 20, start);
  const calls = await getCalls(page.items.map((p) => p.callId));
  const at = now();
  const items = page.items.flatMap((p) => {
    const call = calls.get(p.callId);
    if (!call) return [];
    return [
      {
        ...proposalView(p),
        callTitle: call.title,
        callDeadline: call.deadline,
        callStatus: effectiveStatus(call.status, call.deadline, at),
        callPhase: phaseOf(call, at),
        municipalityName: municipalityName(call.municipalityCode) ?? call.municipalityCode,
      },
    ];
  });
  return { items, nextCursor: page.lastKey ? encodeCursor({ s: `proposals:mine:${principal.orgId}`, key: page.lastKey }) : null };
}
