import type { Proposal } from '../../shared/schemas/proposals.js';
import { currentStage, type AnswerStage } from '../../shared/domain/procedure.js';
import type { Principal } from '../core/principal.js';
import { notFound } from '../core/errors.js';
import { getCall } from '../data/calls.js';
import { getProposal } from '../data/proposals.js';
import { assertVisible, phaseState } from '../calls/view.js';
import { proposalView } from './view.js';

/** The caller's answer: `stage` picks request or tender; by default the tender once the company is selected. */
export async function getMyProposal(callId: string, principal: Principal, stage?: AnswerStage): Promise<Proposal> {
  const call = assertVisible(await getCall(callId), principal);
  const selected = call.selection?.selected.includes(principal.orgId) ?? false;
  const which = stage ?? (selected ? currentStage(phaseState(call)) : 'request');
  const proposal = await getProposal(callId, principal.orgId, which);
  if (!proposal) throw notFound(which === 'tender' ? 'Your company has no tender to this call.' : 'Your company has no proposal to this call.');
  return proposalView(proposal);
}
