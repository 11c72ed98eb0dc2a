import type { RouteHandlers } from '../types.js';
import { callsFeed } from '../../opendata/calls-feed.js';
import { deadlinesCalendar } from '../../opendata/deadlines-calendar.js';
import { PUBLIC_CACHE } from '../../opendata/settings.js';

// A string body with a content-type is sent as it is (functions/http/api.ts). The RSS and iCalendar
// writers live in their own function so the OCDS endpoint does not carry them.
export const feedsHandlers: RouteHandlers<'callsFeed' | 'deadlinesCalendar'> = {
  callsFeed: async ({ query }) => ({
    body: await callsFeed(query),
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': PUBLIC_CACHE },
  }),
  deadlinesCalendar: async ({ query }) => ({
    body: await deadlinesCalendar(query),
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': PUBLIC_CACHE },
  }),
};
