import type { Proposal } from '../../shared/schemas/proposals.js';
import type { ProposalRecord } from '../data/proposals.js';

export function proposalView(p: ProposalRecord): Proposal {
  const { submittedBy, ...rest } = p;
  void submittedBy;
  return rest;
}
