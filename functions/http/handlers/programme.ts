import type { RouteHandlers } from '../types.js';

// The route admits the programme role only (contract roles); the figures are the same for every caller.
// Use cases load on first use (see handlers/calls.ts).
export const programmeHandlers: RouteHandlers<'programmeStats' | 'proposeSlate'> = {
  programmeStats: async () => ({
    body: await (await import('../../programme/get-programme-stats.js')).getProgrammeStats(),
    headers: { 'cache-control': 'private, max-age=30' },
  }),
  // The slate is matching's solver, served where the programme owner's path leads (/api/programme/slate).
  proposeSlate: async ({ body }) => ({ body: await (await import('../../programme/propose-partner-slate.js')).proposePartnerSlate(body) }),
};
