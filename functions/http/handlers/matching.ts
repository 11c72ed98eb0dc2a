import type { RouteHandlers } from '../types.js';

// Use cases load on first use (see handlers/calls.ts).
export const matchingHandlers: RouteHandlers<'listCallMatches' | 'listMyMatches'> = {
  listCallMatches: async ({ params, query, principal }) => ({
    body: await (await import('../../matching/list-call-matches.js')).listCallMatches(params.id, query.limit ?? 10, principal),
  }),
  listMyMatches: async ({ query, principal }) => ({
    body: await (await import('../../matching/list-my-matches.js')).listMyMatches(query.limit ?? 10, principal),
  }),
};
