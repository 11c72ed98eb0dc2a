import type { RouteHandlers } from '../types.js';
import { callsFeed } from '../../opendata/calls-feed.js';
import { deadlinesCalendar } from '../../opendata/deadlines-calendar.js';
import { PUBLIC_CACHE } from '../../opendata/settings.js';
import { feedLang } from '../../opendata/lang.js';

// A string body with a content-type is sent as it is (functions/http/api.ts). The RSS and iCalendar
// writers live in their own function so the OCDS endpoint does not carry them.
export const feedsHandlers: RouteHandlers<'callsFeed' | 'deadlinesCalendar'> = {
  // ?lang= or else Accept-Language picks nb or en; shared caches must keep the languages apart.
  callsFeed: async ({ query, headers }) => ({
    body: await callsFeed({ ...query, lang: feedLang(query.lang, headers['accept-language']) }),
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': PUBLIC_CACHE, vary: 'Accept-Language' },
  }),
  deadlinesCalendar: async ({ query, headers }) => ({
    body: await deadlinesCalendar({ ...query, lang: feedLang(query.lang, headers['accept-language']) }),
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': PUBLIC_CACHE, vary: 'Accept-Language' },
  }),
};
