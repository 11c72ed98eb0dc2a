import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type Claim =
  | { state: 'claimed' }
  | { state: 'done'; requestHash: string; answer: StoredAnswer }
  | { state: 'in-progress'; requestHash: string };

/**
 * One conditional Put claims an Idempotency-Key for `ttlMs`; the answer is stored on the same item when the
 * work is done. A stale claim (its work crashed) can be taken over once `staleMs` have passed.
 */
export async function claimKey(scope: string, key: string, requestHash: string, at: Date, ttlMs: number, staleMs: number): Promise<Claim> {
  const item = keys.idempotency(scope, key);
  try {
    await db().send(new PutCommand({
      TableName: table(),
      Item: { ...item, type: 'idempotency', requestHash, claimedAt: at.toISOString(), expiresAt: Math.floor((at.getTime() + ttlMs) / 1000) },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now OR (attribute_not_exists(answer) AND claimedAt < :stale)',
      ExpressionAttributeValues: { ':now': Math.floor(at.getTime() / 1000), ':stale': new Date(at.getTime() - staleMs).toISOString() },
    }));
    return { state: 'claimed' };
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  const out = await db().send(new GetCommand({ TableName: table(), Key: item, ConsistentRead: true }));
  const found = out.Item ?? {};
  return found.answer
    ? { state: 'done', requestHash: String(found.requestHash), answer: found.answer as StoredAnswer }
    : { state: 'in-progress', requestHash: String(found.requestHash) };
}

export async function storeAnswer(scope: string, key: string, answer: StoredAnswer): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.idempotency(scope, key),
    UpdateExpression: 'SET answer = :a', ExpressionAttributeValues: { ':a': answer },
  }));
}

export async function dropClaim(scope: string, key: string): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.idempotency(scope, key),
    UpdateExpression: 'SET expiresAt = :zero', ExpressionAttributeValues: { ':zero': 0 },
  }));
}
