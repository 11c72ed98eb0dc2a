import type { RouteHandlers } from '../types.js';
import { ocdsReleases } from '../../opendata/ocds-releases.js';
import { PUBLIC_CACHE } from '../../opendata/settings.js';

export const opendataHandlers: RouteHandlers<'ocdsReleases'> = {
  ocdsReleases: async ({ query }) => ({ body: await ocdsReleases(query), headers: { 'cache-control': PUBLIC_CACHE } }),
};
