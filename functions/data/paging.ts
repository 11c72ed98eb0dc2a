import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { TABLE_SCHEMA } from './table-schema.js';
import { badRequest } from '../core/errors.js';

export type Key = Record<string, string>;

/** The table key of an item, plus its index key when it was read from an index (where a page resumes). */
export function keyOf(item: Record<string, unknown>, indexName?: string): Key {
  const key: Key = { pk: String(item.pk), sk: String(item.sk) };
  const index = TABLE_SCHEMA.indexes.find((i) => i.name === indexName);
  if (index) {
    key[index.partitionKey] = String(item[index.partitionKey]);
    key[index.sortKey] = String(item[index.sortKey]);
  }
  return key;
}

/**
 * Runs a query until `limit` items survive its filter or the partition ends. DynamoDB applies Limit
 * before FilterExpression, so one request can return few or no matches while more remain; looping
 * here keeps pages full. The key of the last item returned is where the next page starts.
 */
export async function queryUpTo<T extends Record<string, unknown>>(
  input: QueryCommandInput,
  limit: number,
  startKey?: Key,
): Promise<{ items: T[]; lastKey?: Key }> {
  const items: T[] = [];
  let exclusiveStartKey: Key | undefined = startKey;
  // Unfiltered, limit + 1 items tell whether more exist; filtered, read ahead so few round trips fill a page.
  const pageSize = input.FilterExpression ? Math.max(limit * 2, 50) : limit + 1;
  do {
    const out = await db()
      .send(new QueryCommand({ ...input, Limit: pageSize, ExclusiveStartKey: exclusiveStartKey }))
      .catch((e: unknown) => {
        // A start key that does not fit the query (a cursor of another listing that still verified) is the
        // client's mistake, not ours: 400, never 500.
        if (startKey && (e as { name?: string })?.name === 'ValidationException')
          throw badRequest('The cursor does not belong to this listing. Start again without it.', [{ path: 'cursor', message: 'Cursor of another listing' }]);
        throw e;
      });
    items.push(...((out.Items ?? []) as T[]));
    exclusiveStartKey = out.LastEvaluatedKey as Key | undefined;
    if (items.length >= limit) {
      const page = items.slice(0, limit);
      const more = items.length > limit || exclusiveStartKey !== undefined;
      return { items: page, lastKey: more ? keyOf(page[page.length - 1]!, input.IndexName) : undefined };
    }
  } while (exclusiveStartKey);
  return { items };
}

/** Every item a query matches, page after page: for partitions known to stay small (one call's proposals, …). */
export const queryAll = <T extends Record<string, unknown>>(input: QueryCommandInput, pageSize = 500): Promise<T[]> =>
  everyPage((start) => queryUpTo<T>(input, pageSize, start));

/** Follows a paged listing from its first page to its last: every item, in order. */
export async function everyPage<T>(page: (start?: Key) => Promise<{ items: T[]; lastKey?: Key }>): Promise<T[]> {
  const all: T[] = [];
  let start: Key | undefined;
  do {
    const next = await page(start);
    all.push(...next.items);
    start = next.lastKey;
  } while (start);
  return all;
}

/** How many items a query (and its filter) selects, counted by DynamoDB without returning them. */
export async function queryCount(input: QueryCommandInput): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}
