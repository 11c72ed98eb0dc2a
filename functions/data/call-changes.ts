import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';

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

/**
 * Writes a change item. Idempotent (the key is the version it produced): the call item also carries its
 * latest change (`lastChange`), written in the same conditional write as the change itself, and every
 * later edit and every read of the log puts that one again, so a crash between the two writes loses nothing.
 */
export async function putCallChange(change: CallChangeRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.callChange(change.callId, change.version), type: 'callChange', ...change } }));
}

/** The change log of a call, oldest first. */
export async function listCallChanges(callId: string): Promise<CallChangeRecord[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
    ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':c': keys.callChangePrefix },
  });
  return items.map((i) => {
    const { pk, sk, type, ...rest } = i;
    void pk, sk, type;
    return rest as unknown as CallChangeRecord;
  });
}
