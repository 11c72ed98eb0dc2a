import type { RouteHandlers } from '../types.js';

// Use cases load on first use (see handlers/calls.ts).
export const proposalHandlers: RouteHandlers<'putMyProposal' | 'getMyProposal' | 'withdrawMyProposal' | 'listProposals' | 'listMyProposals'> = {
  putMyProposal: async ({ params, body, principal }) => {
    const { created, proposal } = await (await import('../../proposals/submit-proposal.js')).submitProposal(params.id, body, principal);
    return { status: created ? 201 : 200, body: proposal };
  },
  getMyProposal: async ({ params, query, principal }) => ({
    body: await (await import('../../proposals/get-my-proposal.js')).getMyProposal(params.id, principal, query.stage),
  }),
  withdrawMyProposal: async ({ params, principal }) => {
    await (await import('../../proposals/withdraw-proposal.js')).withdrawProposal(params.id, principal);
    return { status: 204 };
  },
  listProposals: async ({ params, query, principal }) => ({
    body: await (await import('../../proposals/read-proposals.js')).readProposals(params.id, principal, query.stage),
  }),
  listMyProposals: async ({ query, principal }) => ({ body: await (await import('../../proposals/list-my-proposals.js')).listMyProposals(query, principal) }),
};
