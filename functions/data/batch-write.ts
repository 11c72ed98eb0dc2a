import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client.js';

type Item = Record<string, unknown>;

/**
 * Puts and deletes in BatchWriteItem requests of 25; what DynamoDB hands back unprocessed is sent again
 * with backoff. Not atomic: for derived items (postings, bulk loads) that a retry rewrites the same way.
 */
export async function batchWrite(puts: readonly Item[], deletes: readonly { pk: string; sk: string }[] = []): Promise<void> {
  const requests = [...puts.map((Item) => ({ PutRequest: { Item } })), ...deletes.map((Key) => ({ DeleteRequest: { Key } }))];
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Record<string, unknown[]> | undefined = { [table()]: requests.slice(i, i + 25) };
    for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const out = await db().send(new BatchWriteCommand({ RequestItems: pending as never }));
      pending = out.UnprocessedItems as typeof pending;
    }
  }
}
