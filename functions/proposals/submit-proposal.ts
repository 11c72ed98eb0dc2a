import type { Proposal, ProposalInput } from '../../shared/schemas/proposals.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { forbidden } from '../core/errors.js';
import { getOrganisation } from '../data/organisations.js';
import { upsertProposal } from '../data/proposals.js';
import { requireOpenCall } from './open-call.js';
import { proposalView } from './view.js';

/** Creates or replaces the caller's company proposal; `created` tells 201 from 200. */
export async function submitProposal(
  callId: string,
  input: ProposalInput,
  principal: Principal,
): Promise<{ created: boolean; proposal: Proposal }> {
  const at = now();
  await requireOpenCall(callId, principal, at, 'submitted');
  const company = await getOrganisation(principal.orgId);
  if (!company || company.kind !== 'company') throw forbidden('Your organisation is not registered as a company.');
  const stamp = at.toISOString();
  const { created, record } = await upsertProposal({
    callId,
    orgNumber: company.id,
    companyName: company.name,
    summary: input.summary,
    description: input.description,
    priceNok: input.priceNok,
    partners: input.partners ?? [],
    submittedAt: stamp,
    updatedAt: stamp,
    submittedBy: principal.userId,
  });
  return { created, proposal: proposalView(record) };
}
