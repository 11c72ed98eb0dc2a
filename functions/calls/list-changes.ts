import type { CallChange } from '../../shared/schemas/calls.js';
import type { Principal } from '../core/principal.js';
import { getCall } from '../data/calls.js';
import { listCallChanges, putCallChange } from '../data/call-changes.js';
import { assertVisible, isOwnMunicipality } from './view.js';
import { documentChanges } from '../files/documents.js';

/**
 * The change log of a call, oldest first: public for published calls, without who made each change
 * (that is the municipality's internal business); the owner sees `changedBy` too. A draft's log is empty
 * (drafts change freely) and a 404 to everyone but its municipality.
 */
export async function listChanges(id: string, principal: Principal | undefined): Promise<CallChange[]> {
  const call = assertVisible(await getCall(id), principal);
  if (call.status === 'draft') return [];
  let items = await listCallChanges(id);
  if (call.lastChange && !items.some((c) => c.version === call.lastChange!.version)) {
    await putCallChange(call.lastChange);
    items = [...items, call.lastChange].sort((a, b) => a.version - b.version);
  }
  const owner = isOwnMunicipality(call, principal);
  const fieldChanges: CallChange[] = items.map(({ callId, changedBy, ...rest }) => {
    void callId;
    return owner ? { ...rest, changedBy } : rest;
  });
  // Documents added, replaced or removed after publication are corrections too, though they leave the call's
  // own fields (and version) as they were: each is shown at the version in effect when it was made.
  const published = call.version - items.length;
  const docs: CallChange[] = (await documentChanges(id)).map((d) => ({
    version: [...items].reverse().find((c) => c.changedAt <= d.changedAt)?.version ?? published,
    changedAt: d.changedAt,
    note: d.note,
    fields: d.fields,
  }));
  return [...fieldChanges, ...docs].sort((a, b) => (a.changedAt < b.changedAt ? -1 : a.changedAt > b.changedAt ? 1 : 0));
}
