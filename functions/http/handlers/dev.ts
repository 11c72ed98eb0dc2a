import type { RouteHandlers } from '../types.js';

/** Local server only: the dev group is never deployed (tests/infra proves it). Use cases load on first use. */
export const devHandlers: RouteHandlers<'listDevUsers' | 'devLogin' | 'getDevClock' | 'setDevClock'> = {
  listDevUsers: async () => ({ body: await (await import('../../dev/dev-sign-in.js')).listDevUsers() }),
  devLogin: async ({ body }) => ({ body: await (await import('../../dev/dev-sign-in.js')).devLogin(body.userId) }),
  getDevClock: async () => ({ body: (await import('../../dev/dev-clock.js')).readDevClock() }),
  setDevClock: async ({ body }) => ({ body: (await import('../../dev/dev-clock.js')).moveDevClock(body) }),
};
