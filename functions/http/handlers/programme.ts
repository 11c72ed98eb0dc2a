import type { RouteHandlers } from '../types.js';
import { getProgrammeStats } from '../../programme/get-programme-stats.js';

// The route admits the programme role only (contract roles); the figures are the same for every caller.
export const programmeHandlers: RouteHandlers<'programmeStats'> = {
  programmeStats: async () => ({ body: await getProgrammeStats(), headers: { 'cache-control': 'private, max-age=30' } }),
};
