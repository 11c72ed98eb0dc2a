import type { RouteHandlers } from '../types.js';
import { submitProposal } from '../../proposals/submit-proposal.js';
import { getMyProposal } from '../../proposals/get-my-proposal.js';
import { withdrawProposal } from '../../proposals/withdraw-proposal.js';
import { readProposals } from '../../proposals/read-proposals.js';
import { listMyProposals } from '../../proposals/list-my-proposals.js';

export const proposalHandlers: RouteHandlers<
  'putMyProposal' | 'getMyProposal' | 'withdrawMyProposal' | 'listProposals' | 'listMyProposals'
> = {
  putMyProposal: async ({ params, body, principal }) => {
    const { created, proposal } = await submitProposal(params.id, body, principal);
    return { status: created ? 201 : 200, body: proposal };
  },
  getMyProposal: async ({ params, query, principal }) => ({ body: await getMyProposal(params.id, principal, query.stage) }),
  withdrawMyProposal: async ({ params, principal }) => {
    await withdrawProposal(params.id, principal);
    return { status: 204 };
  },
  listProposals: async ({ params, query, principal }) => ({ body: await readProposals(params.id, principal, query.stage) }),
  listMyProposals: async ({ query, principal }) => ({ body: await listMyProposals(query, principal) }),
};
