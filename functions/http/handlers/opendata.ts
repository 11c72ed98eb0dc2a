import type { RouteHandlers } from '../types.js';
import { ocdsReleases } from '../../opendata/ocds-releases.js';
import { PUBLIC_CACHE } from '../../opendata/settings.js';
import { searchCpv } from '../../cpv/search-cpv.js';

export const opendataHandlers: RouteHandlers<'ocdsReleases' | 'searchCpv'> = {
  ocdsReleases: async ({ query }) => ({ body: await ocdsReleases(query), headers: { 'cache-control': PUBLIC_CACHE } }),
  // The list changes only with a new release of the project: a day in shared caches.
  searchCpv: async ({ query }) => ({ body: searchCpv(query), headers: { 'cache-control': 'public, max-age=86400' } }),
};
