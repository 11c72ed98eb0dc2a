import { entity } from './entity.js';
import { keys } from './keys.js';

/** One correction of a published call: who, when, why, and each field before and after. */
export interface CallChangeRecord {
  callId: string;
  /** The call version this change produced. */
  version: number;
  changedAt: string;
  changedBy: string;
  note: string;
  fields: { name: string; before: unknown; after: unknown }[];
}

export const callChanges = entity<CallChangeRecord, { callId: string; version: number }>({
  type: 'callChange',
  description: 'A correction of a published call (fields before and after); the version zero-padded to 8 digits, so the log sorts',
  key: (k) => keys.callChange(k.callId, k.version),
  patterns: [{ name: 'change log of a call, oldest first', index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(CHANGE#)' }],
});

/**
 * Writes a change item. Idempotent (the key is the version it produced): the call item also carries its
 * latest change (`lastChange`), written in the same conditional write as the change itself, and every
 * later edit and every read of the log puts that one again, so a crash between the two writes loses nothing.
 */
export const putCallChange = (change: CallChangeRecord) => callChanges.put(change);

/** The change log of a call, oldest first. */
export const listCallChanges = (callId: string) => callChanges.queryEvery({ partition: keys.call(callId).pk, sort: { beginsWith: keys.callChangePrefix } });
