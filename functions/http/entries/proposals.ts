import { createApi } from '../api.js';
import { proposalHandlers } from '../handlers/proposals.js';
import { awardProposalHandlers } from '../handlers/award.js';

export const handler = createApi<keyof typeof proposalHandlers | keyof typeof awardProposalHandlers>({ ...proposalHandlers, ...awardProposalHandlers });
