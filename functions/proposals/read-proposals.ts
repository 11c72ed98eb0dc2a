import type { Proposal } from '../../shared/schemas/proposals.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { audit } from '../core/logger.js';
import { getCall } from '../data/calls.js';
import { listProposalsForCall } from '../data/proposals.js';
import { assertVisible } from '../calls/view.js';
import { assertMayReadAnswers } from './may-read.js';
import { proposalView } from './view.js';

/**
 * Proposals are sealed for everyone until the deadline, the call's own municipality included; after it
 * only that municipality reads them. Every attempt, granted or not, is an audit event.
 */
export async function readProposals(callId: string, principal: Principal): Promise<{ items: Proposal[] }> {
  const call = assertVisible(await getCall(callId), principal);
  const at = now();
  const who = { callId, userId: principal.userId, orgId: principal.orgId, role: principal.role, at: at.toISOString() };
  // The one check the award issue extends (impartiality); it audits every denied attempt.
  assertMayReadAnswers(call, principal, at, 'proposals', {}, false);
  const proposals = await listProposalsForCall(callId);
  audit('proposals.read.granted', { ...who, count: proposals.length });
  return { items: proposals.map(proposalView) };
}
