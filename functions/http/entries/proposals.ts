import { createApi } from '../api.js';
import { proposalHandlers } from '../handlers/proposals.js';

export const handler = createApi<keyof typeof proposalHandlers>(proposalHandlers);
