import type { RouteHandlers } from '../types.js';
import { feedLang } from '../../opendata/lang.js';
import { PUBLIC_CACHE } from '../../opendata/settings.js';

// Use cases load on first use (see handlers/calls.ts).
const ocds = () => import('../../opendata/ocds-releases.js');

export const opendataHandlers: RouteHandlers<'ocdsReleases' | 'ocdsRecord' | 'searchCpv'> = {
  ocdsReleases: async ({ query, headers }) => ({
    body: await (await ocds()).ocdsReleases({ ...query, lang: feedLang(query.lang, headers['accept-language']) }),
    headers: { 'cache-control': PUBLIC_CACHE, vary: 'Accept-Language' },
  }),
  ocdsRecord: async ({ params, query, headers }) => ({
    body: await (await ocds()).ocdsRecord(params.ocid, feedLang(query.lang, headers['accept-language'])),
    headers: { 'cache-control': PUBLIC_CACHE, vary: 'Accept-Language' },
  }),
  // The list changes only with a new release of the project: a day in shared caches.
  searchCpv: async ({ query }) => ({ body: (await import('../../cpv/search-cpv.js')).searchCpv(query), headers: { 'cache-control': 'public, max-age=86400' } }),
};
