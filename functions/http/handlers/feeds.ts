import type { RouteHandlers } from '../types.js';
import { PUBLIC_CACHE } from '../../opendata/settings.js';
import { feedLang } from '../../opendata/lang.js';

// A string body with a content-type is sent as it is (functions/http/api.ts). The RSS and iCalendar
// writers live in their own function so the OCDS endpoint does not carry them; they load on first use.
export const feedsHandlers: RouteHandlers<'callsFeed' | 'deadlinesCalendar'> = {
  // ?lang= or else Accept-Language picks nb or en; shared caches must keep the languages apart.
  callsFeed: async ({ query, headers }) => ({
    body: await (await import('../../opendata/calls-feed.js')).callsFeed({ ...query, lang: feedLang(query.lang, headers['accept-language']) }),
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': PUBLIC_CACHE, vary: 'Accept-Language' },
  }),
  deadlinesCalendar: async ({ query, headers }) => ({
    body: await (await import('../../opendata/deadlines-calendar.js')).deadlinesCalendar({ ...query, lang: feedLang(query.lang, headers['accept-language']) }),
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': PUBLIC_CACHE, vary: 'Accept-Language' },
  }),
};
