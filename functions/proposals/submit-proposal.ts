import type { Proposal, ProposalInput } from '../../shared/schemas/proposals.js';
import { answerKindOf, type AnswerStage } from '../../shared/domain/procedure.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { badRequest, forbidden } from '../core/errors.js';
import { getOrganisation } from '../data/organisations.js';
import { upsertProposal } from '../data/proposals.js';
import { answerProblems } from '../award/answers.js';
import { requireAnswerableCall } from './open-call.js';
import { proposalView } from './view.js';

/**
 * Creates or replaces the caller's company answer; `created` tells 201 from 200. While the call is open that is
 * the first answer its procedure asks for (innspill, request to take part, or tender); while a two-stage call is
 * tendering it is the tender, from selected companies only.
 */
export async function submitProposal(callId: string, input: ProposalInput, principal: Principal): Promise<{ created: boolean; proposal: Proposal }> {
  const at = now();
  const { call, stage } = await requireAnswerableCall(callId, principal, at, 'submitted');
  const kind = answerKindOf(call.procedure, stage);
  const problems = answerProblems(kind, input, call.procedure);
  if (problems.length) throw badRequest(`This call asks for a ${kind}: ${problems.map((p) => p.message).join('; ')}.`, problems);
  const company = await getOrganisation(principal.orgId);
  if (!company || company.kind !== 'company') throw forbidden('Your organisation is not registered as a company.');
  const stamp = at.toISOString();
  const { created, record } = await upsertProposal(
    {
      callId,
      kind,
      orgNumber: company.id,
      companyName: company.name,
      summary: input.summary,
      description: input.description,
      priceNok: input.priceNok,
      partners: input.partners ?? [],
      selfDeclaration: input.selfDeclaration,
      references: input.references,
      confidential: input.confidential,
      submittedAt: stamp,
      updatedAt: stamp,
      submittedBy: principal.userId,
    },
    stage satisfies AnswerStage,
  );
  return { created, proposal: proposalView(record) };
}
