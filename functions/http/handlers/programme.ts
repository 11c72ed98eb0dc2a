import type { RouteHandlers } from '../types.js';
import { getProgrammeStats } from '../../programme/get-programme-stats.js';
import { proposePartnerSlate } from '../../programme/propose-partner-slate.js';

// The route admits the programme role only (contract roles); the figures are the same for every caller.
export const programmeHandlers: RouteHandlers<'programmeStats' | 'proposeSlate'> = {
  programmeStats: async () => ({ body: await getProgrammeStats(), headers: { 'cache-control': 'private, max-age=30' } }),
  // The slate is matching's solver, served where the programme owner's path leads (/api/programme/slate).
  proposeSlate: async ({ body }) => ({ body: await proposePartnerSlate(body) }),
};
