import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';

/**
 * Caps that hold under concurrency: a counter item per (owner, kind) moved by conditional UpdateItems,
 * never "count, then write". A slot is reserved before the item it counts is written and released when
 * that write fails or the item goes away, so a crash in between can only leave the counter high (the cap
 * errs on the safe side), never low.
 */
export type CounterKind = 'subscriptions' | 'drafts';

/** Creates the counter from the real count the first time it is needed (items that predate counters). */
async function ensureCounter(owner: string, kind: CounterKind, countNow: () => Promise<number>): Promise<void> {
  try {
    await db().send(new PutCommand({
      TableName: table(),
      Item: { ...keys.counter(owner, kind), type: 'counter', n: await countNow() },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}

/** Takes one slot if fewer than `limit` are taken. False when the cap is reached. */
export async function reserveSlot(owner: string, kind: CounterKind, limit: number, countNow: () => Promise<number>): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await db().send(new UpdateCommand({
        TableName: table(),
        Key: keys.counter(owner, kind),
        UpdateExpression: 'ADD n :one',
        ConditionExpression: 'attribute_exists(pk) AND n < :limit',
        ExpressionAttributeValues: { ':one': 1, ':limit': limit },
      }));
      return true;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      if (attempt === 0) await ensureCounter(owner, kind, countNow);
    }
  }
  return false;
}

/** Gives a slot back (never below zero). */
export async function releaseSlot(owner: string, kind: CounterKind): Promise<void> {
  try {
    await db().send(new UpdateCommand({
      TableName: table(),
      Key: keys.counter(owner, kind),
      UpdateExpression: 'ADD n :minus',
      ConditionExpression: 'n > :zero',
      ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
    }));
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}
