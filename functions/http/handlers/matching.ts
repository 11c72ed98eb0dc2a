import type { RouteHandlers } from '../types.js';
import { listCallMatches } from '../../matching/list-call-matches.js';
import { listMyMatches } from '../../matching/list-my-matches.js';

export const matchingHandlers: RouteHandlers<'listCallMatches' | 'listMyMatches'> = {
  listCallMatches: async ({ params, query, principal }) => ({ body: await listCallMatches(params.id, query.limit ?? 10, principal) }),
  listMyMatches: async ({ query, principal }) => ({ body: await listMyMatches(query.limit ?? 10, principal) }),
};
