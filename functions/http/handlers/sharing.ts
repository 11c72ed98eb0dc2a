import type { RouteHandlers } from '../types.js';
import { etag } from '../../calls/rules.js';
import { writeCallPage } from './lazy.js';

// Use cases load on first use (see handlers/calls.ts).
const outcomes = () => import('../../sharing/outcome.js');
const reuse = () => import('../../sharing/reuse.js');
const similar = () => import('../../sharing/similar.js');

export const sharingHandlers: RouteHandlers<'getOutcome' | 'putOutcome' | 'listLessons' | 'reuseCall' | 'listReuses' | 'listSimilar' | 'listSimilarNeeds'> = {
  getOutcome: async ({ params, principal }) => {
    const outcome = await (await outcomes()).getOutcome(params.id, principal);
    return { body: outcome, headers: { etag: etag(outcome.version) } };
  },
  putOutcome: async ({ params, body, headers, principal }) => {
    const { outcome } = await (await outcomes()).putOutcome(params.id, body, headers['if-match'], principal);
    return { body: outcome, headers: { etag: etag(outcome.version) } };
  },
  listLessons: async ({ query }) => ({ body: await (await import('../../sharing/lessons.js')).listLessons(query) }),
  reuseCall: async ({ params, principal }) => {
    const { call, created } = await (await reuse()).reuseCall(params.id, principal);
    // The new draft's address needs its page file, as a created call's does (site/render-call-page.ts).
    if (created) await writeCallPage(call);
    return { status: created ? 201 : 200, body: call, headers: { etag: etag(call.version), location: `/api/calls/${call.id}` } };
  },
  listReuses: async ({ params }) => ({ body: await (await reuse()).listReuses(params.id) }),
  listSimilar: async ({ params, principal }) => ({ body: await (await similar()).listSimilar(params.id, principal) }),
  listSimilarNeeds: async ({ principal }) => ({ body: await (await similar()).listSimilarNeeds(principal) }),
};
