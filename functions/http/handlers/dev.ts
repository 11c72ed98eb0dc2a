import type { RouteHandlers } from '../types.js';
import { devLogin, listDevUsers } from '../../dev/dev-sign-in.js';
import { moveDevClock, readDevClock } from '../../dev/dev-clock.js';

/** Local server only: the dev group is never deployed (tests/infra proves it). */
export const devHandlers: RouteHandlers<'listDevUsers' | 'devLogin' | 'getDevClock' | 'setDevClock'> = {
  listDevUsers: async () => ({ body: await listDevUsers() }),
  devLogin: async ({ body }) => ({ body: await devLogin(body.userId) }),
  getDevClock: async () => ({ body: readDevClock() }),
  setDevClock: async ({ body }) => ({ body: moveDevClock(body) }),
};
