import type { RouteHandlers } from '../types.js';
import { callsFeed } from '../../opendata/calls-feed.js';
import { deadlinesCalendar } from '../../opendata/deadlines-calendar.js';
import { ocdsReleases } from '../../opendata/ocds-releases.js';
import { PUBLIC_CACHE } from '../../opendata/settings.js';

// A string body with a content-type is sent as it is (functions/http/api.ts).
export const opendataHandlers: RouteHandlers<'callsFeed' | 'deadlinesCalendar' | 'ocdsReleases'> = {
  callsFeed: async ({ query }) => ({
    body: await callsFeed(query),
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': PUBLIC_CACHE },
  }),
  deadlinesCalendar: async ({ query }) => ({
    body: await deadlinesCalendar(query),
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': PUBLIC_CACHE },
  }),
  ocdsReleases: async ({ query }) => ({ body: await ocdsReleases(query), headers: { 'cache-control': PUBLIC_CACHE } }),
};
