import { currentStage, type AnswerStage } from '../../shared/domain/procedure.js';
import type { Proposal } from '../../shared/schemas/proposals.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { audit } from '../core/logger.js';
import { getCall } from '../data/calls.js';
import { listProposalsForCall } from '../data/proposals.js';
import { assertVisible, phaseState } from '../calls/view.js';
import { assertMayReadAnswers } from '../award/access.js';
import { proposalView } from './view.js';

/**
 * Answers are sealed for everyone until the stage's deadline, the call's own municipality included; after it
 * only that municipality reads them, and only users who have declared themselves impartial. Every attempt,
 * granted or not, is an audit event. `stage` (request|tender) defaults to the call's current stage.
 */
export async function readProposals(callId: string, principal: Principal, stage?: AnswerStage): Promise<{ items: Proposal[] }> {
  const call = assertVisible(await getCall(callId), principal);
  const at = now();
  const which = stage ?? currentStage(phaseState(call));
  await assertMayReadAnswers(call, principal, at, which);
  const proposals = await listProposalsForCall(callId, which);
  audit('proposals.read.granted', {
    callId,
    userId: principal.userId,
    orgId: principal.orgId,
    role: principal.role,
    at: at.toISOString(),
    stage: which,
    count: proposals.length,
  });
  return { items: proposals.map(proposalView) };
}
