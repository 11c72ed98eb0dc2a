import type { RouteHandlers } from '../types.js';
import { listCalls } from '../../calls/list-calls.js';
import { getCall } from '../../calls/get-call.js';
import { createCall } from '../../calls/create-call.js';
import { updateCall } from '../../calls/update-call.js';
import { publishCall } from '../../calls/publish-call.js';
import { cancelCall } from '../../calls/cancel-call.js';
import { listChanges } from '../../calls/list-changes.js';
import { etag } from '../../calls/rules.js';
import { idempotent } from '../../core/idempotency.js';
import { readVisitor, visitorOf } from '../../core/visitor.js';
import { deleteDraft } from '../../calls/delete-draft.js';
import { writeCallPage } from '../../site/render-call-page.js';
import type { Call } from '../../../shared/schemas/calls.js';

const withEtag = (call: Call, status = 200) => ({ status, body: call, headers: { etag: etag(call.version) } });
/** Publishing, correcting and cancelling also (re)write the call's static page (drafts have none). */
const withPage = async (call: Call) => (await writeCallPage(call), call);

// principal is safe: 'user' routes never reach a handler without one (authenticate middleware).
export const callHandlers: RouteHandlers<'listCalls' | 'getCall' | 'createCall' | 'updateCall' | 'listCallChanges' | 'publishCall' | 'cancelCall' | 'deleteDraftCall'> = {
  listCalls: async ({ query, principal }) => ({ body: await listCalls(query, principal) }),
  getCall: async ({ params, principal, headers }) => {
    const res = withEtag(await getCall(params.id, principal));
    // An anonymous reader gets the visitor cookie here, so the view the page posts next can be counted once.
    const fresh = principal || readVisitor(headers.cookie) ? undefined : visitorOf(headers);
    return fresh?.setCookie ? { ...res, headers: { ...res.headers, 'set-cookie': fresh.setCookie } } : res;
  },
  createCall: async ({ body, principal, headers }) =>
    idempotent('createCall', principal, headers, body, async () => {
      // A draft gets the bare shell as its page file too (see writeCallPage): its address then works on reload.
      const call = await withPage(await createCall(body, principal));
      return { status: 201, body: call, headers: { etag: etag(call.version), location: `/api/calls/${call.id}` } };
    }),
  updateCall: async ({ params, body, headers, principal }) =>
    withEtag(await withPage((await updateCall(params.id, body, headers['if-match'], principal)).call)),
  listCallChanges: async ({ params, principal }) => ({ body: { items: await listChanges(params.id, principal) } }),
  publishCall: async ({ params, principal }) => withEtag(await withPage(await publishCall(params.id, principal))),
  cancelCall: async ({ params, body, principal }) => withEtag(await withPage(await cancelCall(params.id, body.reason, principal))),
  deleteDraftCall: async ({ params, principal }) => {
    await deleteDraft(params.id, principal);
    return { status: 204 };
  },
};
