import type { RouteHandlers } from '../types.js';
import { ocdsRecord, ocdsReleases } from '../../opendata/ocds-releases.js';
import { feedLang } from '../../opendata/lang.js';
import { PUBLIC_CACHE } from '../../opendata/settings.js';
import { searchCpv } from '../../cpv/search-cpv.js';

export const opendataHandlers: RouteHandlers<'ocdsReleases' | 'ocdsRecord' | 'searchCpv'> = {
  ocdsReleases: async ({ query, headers }) => ({
    body: await ocdsReleases({ ...query, lang: feedLang(query.lang, headers['accept-language']) }),
    headers: { 'cache-control': PUBLIC_CACHE, vary: 'Accept-Language' },
  }),
  ocdsRecord: async ({ params, query, headers }) => ({
    body: await ocdsRecord(params.ocid, feedLang(query.lang, headers['accept-language'])),
    headers: { 'cache-control': PUBLIC_CACHE, vary: 'Accept-Language' },
  }),
  // The list changes only with a new release of the project: a day in shared caches.
  searchCpv: async ({ query }) => ({ body: searchCpv(query), headers: { 'cache-control': 'public, max-age=86400' } }),
};
