import type { Proposal } from '../../shared/schemas/proposals.js';
import type { Principal } from '../core/principal.js';
import { notFound } from '../core/errors.js';
import { getCall } from '../data/calls.js';
import { getProposal } from '../data/proposals.js';
import { assertVisible } from '../calls/view.js';
import { proposalView } from './view.js';

export async function getMyProposal(callId: string, principal: Principal): Promise<Proposal> {
  assertVisible(await getCall(callId), principal);
  const proposal = await getProposal(callId, principal.orgId);
  if (!proposal) throw notFound('Your company has no proposal to this call.');
  return proposalView(proposal);
}
