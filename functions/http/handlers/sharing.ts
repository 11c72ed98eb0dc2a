import type { RouteHandlers } from '../types.js';
import { getOutcome, putOutcome } from '../../sharing/outcome.js';
import { listLessons } from '../../sharing/lessons.js';
import { listReuses, reuseCall } from '../../sharing/reuse.js';
import { writeCallPage } from '../../site/render-call-page.js';
import { listSimilar, listSimilarNeeds } from '../../sharing/similar.js';
import { etag } from '../../calls/rules.js';

// principal is safe: 'user' routes never reach a handler without one (authenticate middleware).
export const sharingHandlers: RouteHandlers<'getOutcome' | 'putOutcome' | 'listLessons' | 'reuseCall' | 'listReuses' | 'listSimilar' | 'listSimilarNeeds'> = {
  getOutcome: async ({ params, principal }) => {
    const outcome = await getOutcome(params.id, principal);
    return { body: outcome, headers: { etag: etag(outcome.version) } };
  },
  putOutcome: async ({ params, body, headers, principal }) => {
    const { outcome } = await putOutcome(params.id, body, headers['if-match'], principal);
    return { body: outcome, headers: { etag: etag(outcome.version) } };
  },
  listLessons: async ({ query }) => ({ body: await listLessons(query) }),
  reuseCall: async ({ params, principal }) => {
    const { call, created } = await reuseCall(params.id, principal);
    // The new draft's address needs its page file, as a created call's does (site/render-call-page.ts).
    if (created) await writeCallPage(call);
    return { status: created ? 201 : 200, body: call, headers: { etag: etag(call.version), location: `/api/calls/${call.id}` } };
  },
  listReuses: async ({ params }) => ({ body: await listReuses(params.id) }),
  listSimilar: async ({ params, principal }) => ({ body: await listSimilar(params.id, principal) }),
  listSimilarNeeds: async ({ principal }) => ({ body: await listSimilarNeeds(principal) }),
};
