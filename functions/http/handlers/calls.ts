import type { RouteHandlers } from '../types.js';
import { etag } from '../../calls/rules.js';
import { readVisitor, visitorOf } from '../../core/visitor.js';
import type { Call } from '../../../shared/schemas/calls.js';
import { idempotent, writeCallPage } from './lazy.js';

// Use cases are imported on the first request that needs them (here and in every handler file): each becomes a
// chunk of its own (infra/constructs/bundling.ts), so a cold start compiles its route's code, not the whole group's.

const withEtag = (call: Call, status = 200) => ({ status, body: call, headers: { etag: etag(call.version) } });
/** Publishing, correcting and cancelling also (re)write the call's static page (drafts have none). */
const withPage = async (call: Call) => (await writeCallPage(call), call);

export const callHandlers: RouteHandlers<
  'listCalls' | 'getCall' | 'createCall' | 'updateCall' | 'listCallChanges' | 'publishCall' | 'cancelCall' | 'deleteDraftCall'
> = {
  listCalls: async ({ query, principal }) => ({ body: await (await import('../../calls/list-calls.js')).listCalls(query, principal) }),
  getCall: async ({ params, principal, headers }) => {
    const res = withEtag(await (await import('../../calls/get-call.js')).getCall(params.id, principal));
    // An anonymous reader gets the visitor cookie here, so the view the page posts next can be counted once.
    const fresh = principal || readVisitor(headers.cookie) ? undefined : visitorOf(headers);
    return fresh?.setCookie ? { ...res, headers: { ...res.headers, 'set-cookie': fresh.setCookie } } : res;
  },
  createCall: async ({ body, principal, headers }) =>
    idempotent('createCall', principal, headers, body, async () => {
      // A draft gets the bare shell as its page file too (see writeCallPage): its address then works on reload.
      const call = await withPage(await (await import('../../calls/create-call.js')).createCall(body, principal));
      return { status: 201, body: call, headers: { etag: etag(call.version), location: `/api/calls/${call.id}` } };
    }),
  updateCall: async ({ params, body, headers, principal }) =>
    withEtag(await withPage((await (await import('../../calls/update-call.js')).updateCall(params.id, body, headers['if-match'], principal)).call)),
  listCallChanges: async ({ params, principal }) => ({
    body: { items: await (await import('../../calls/list-changes.js')).listChanges(params.id, principal) },
  }),
  publishCall: async ({ params, principal }) => withEtag(await withPage(await (await import('../../calls/publish-call.js')).publishCall(params.id, principal))),
  cancelCall: async ({ params, body, principal }) =>
    withEtag(await withPage(await (await import('../../calls/cancel-call.js')).cancelCall(params.id, body.reason, principal))),
  deleteDraftCall: async ({ params, principal }) => {
    await (await import('../../calls/delete-draft.js')).deleteDraft(params.id, principal);
    return { status: 204 };
  },
};
