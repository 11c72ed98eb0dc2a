import type { RouteHandlers } from '../types.js';
import { listCalls } from '../../calls/list-calls.js';
import { getCall } from '../../calls/get-call.js';
import { createCall } from '../../calls/create-call.js';
import { updateCall } from '../../calls/update-call.js';
import { publishCall } from '../../calls/publish-call.js';
import { cancelCall } from '../../calls/cancel-call.js';
import { deleteDraft } from '../../calls/delete-draft.js';
import { etag } from '../../calls/rules.js';
import { writeCallPage } from '../../site/render-call-page.js';
import type { Call } from '../../../shared/schemas/calls.js';

const withEtag = (call: Call, status = 200) => ({ status, body: call, headers: { etag: etag(call.version) } });
/** Publishing, correcting and cancelling also (re)write the call's static page (drafts have none). */
const withPage = async (call: Call) => (await writeCallPage(call), call);

// principal! is safe: 'user' routes never reach a handler without one (authenticate middleware).
export const callHandlers: RouteHandlers<'listCalls' | 'getCall' | 'createCall' | 'updateCall' | 'publishCall' | 'cancelCall' | 'deleteDraftCall'> = {
  listCalls: async ({ query, principal }) => ({ body: await listCalls(query, principal) }),
  getCall: async ({ params, principal }) => withEtag(await getCall(params.id, principal)),
  createCall: async ({ body, principal }) => {
    const call = await createCall(body, principal!);
    return { ...withEtag(call, 201), headers: { etag: etag(call.version), location: `/api/calls/${call.id}` } };
  },
  updateCall: async ({ params, body, headers, principal }) =>
    withEtag(await withPage(await updateCall(params.id, body, headers['if-match'], principal!))),
  publishCall: async ({ params, principal }) => withEtag(await withPage(await publishCall(params.id, principal!))),
  cancelCall: async ({ params, principal }) => withEtag(await withPage(await cancelCall(params.id, principal!))),
  deleteDraftCall: async ({ params, principal }) => {
    await deleteDraft(params.id, principal!);
    return { status: 204 };
  },
};
