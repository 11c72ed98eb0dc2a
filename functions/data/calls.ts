import { GetCommand, PutCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredCallStatus } from '../../shared/domain/call-status.js';
import { callSearchAttributes, callSearchFilter, SEARCH_ATTRIBUTES, type CallSearch } from '../../shared/domain/call-search.js';
import type { CallRecord } from './call-record.js';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { batchGetItems } from './entity.js';
import { queryUpTo, type Key } from './paging.js';
import { invalidatePublishedSnapshot, pageFromEntries, publishedEntries } from './published-snapshot.js';
import { queryPostings } from './call-postings.js';
import { afterCallWrite } from './call-derived.js';

export type { CallRecord };
/** Searches over calls follow the one rule in shared/domain/call-search.ts. */
export type CallFilters = CallSearch;

type Stored = CallRecord & Record<string, unknown>;


export function toItem(c: CallRecord): Record<string, unknown> {
  return {
    ...keys.call(c.id),
    type: 'call',
    ...c,
    ...callSearchAttributes(c),
    gsi2pk: keys.municipalityCalls(c.municipalityCode),
    gsi2sk: keys.municipalityCallSort(c.createdAt, c.id),
    ...(c.status === 'open' ? { gsi1pk: keys.publishedCalls, gsi1sk: keys.publishedSort(c.deadline, c.id) } : {}),
    // Published, then cancelled: kept on its own gsi1 partition so the feeds can show it (with the reason) for 30 days.
    ...(c.status === 'cancelled' && c.publishedAt && c.cancelledAt
      ? { gsi1pk: keys.cancelledCalls, gsi1sk: keys.cancelledSort(c.cancelledAt, c.id) }
      : {}),
  };
}

export function fromItem(item: Record<string, unknown>): CallRecord {
  const { pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk, ...rest } = item;
  void pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk;
  for (const derived of SEARCH_ATTRIBUTES) delete rest[derived];
  return rest as unknown as CallRecord;
}

export async function getCall(id: string): Promise<CallRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.call(id) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

export async function getCalls(ids: string[]): Promise<Map<string, CallRecord>> {
  const items = await batchGetItems([...new Set(ids)].map((id) => keys.call(id)));
  return new Map(items.map((item) => { const call = fromItem(item); return [call.id, call]; }));
}

let generation = 0;
/** Counts this process's call writes: caches built from calls (similar needs) start over when it moves. */
export const callWriteGeneration = () => generation;

export async function insertCall(call: CallRecord): Promise<void> {
  await db().send(
    new PutCommand({ TableName: table(), Item: toItem(call), ConditionExpression: 'attribute_not_exists(pk)' }),
  );
  generation++;
  invalidatePublishedSnapshot();
  await afterCallWrite(undefined, call);
}

/**
 * Replaces a call if, and only if, it still has `expectedVersion` (and one of `fromStatuses`, when
 * given): one conditional write, so concurrent editors cannot overwrite each other.
 * Returns false when the condition failed; the caller re-reads to explain why.
 */
export async function replaceCall(
  next: CallRecord,
  expectedVersion: number,
  fromStatuses?: readonly StoredCallStatus[],
): Promise<boolean> {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = { ':v': expectedVersion };
  let condition = 'attribute_exists(pk) AND #v = :v';
  if (fromStatuses) {
    names['#s'] = 'status';
    const placeholders = fromStatuses.map((s, i) => {
      values[`:s${i}`] = s;
      return `:s${i}`;
    });
    condition += ` AND #s IN (${placeholders.join(', ')})`;
  }
  try {
    const out = await db().send(
      new PutCommand({
        TableName: table(),
        Item: toItem(next),
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        // The old image tells the derived items (postings, aggregates) what to take back.
        ReturnValues: 'ALL_OLD',
      }),
    );
    generation++;
    invalidatePublishedSnapshot();
    await afterCallWrite(out.Attributes ? fromItem(out.Attributes) : undefined, next);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/**
 * A page of published calls for the public list and feeds: the postings of the one index partition the
 * search rule names (call-postings.ts), then the page's calls by key, so the items read follow the page
 * whatever the size of the table. The start key is a posting's.
 */
export async function publishedCallsPage(
  phase: 'open' | 'closed',
  nowIso: string,
  filters: CallFilters,
  limit: number,
  startKey?: Key,
) {
  const page = await queryPostings(phase, nowIso, filters, limit, startKey);
  const found = await getCalls(page.ids);
  return { items: page.ids.flatMap((id) => found.get(id) ?? []), lastKey: page.lastKey };
}


async function loadOpen(nowIso: string, max: number): Promise<CallRecord[] | undefined> {
  const all: CallRecord[] = [];
  let start: Key | undefined;
  do {
    const page = await queryUpTo<Stored>(
      {
        TableName: table(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p AND gsi1sk > :b',
        ExpressionAttributeValues: { ':p': keys.publishedCalls, ':b': `${nowIso}#~` },
      },
      500,
      start,
    );
    all.push(...page.items.map(fromItem));
    if (all.length > max) return undefined;
    start = page.lastKey;
  } while (start);
  return all;
}

/**
 * Published calls by deadline, from the index. 'open': deadline after `nowIso`, nearest first. 'closed': deadline at or
 * before `nowIso`, most recent first.
 */
export async function queryPublishedCalls(
  phase: 'open' | 'closed',
  nowIso: string,
  filters: CallFilters,
  limit: number,
  startKey?: Key,
) {
  const filter = callSearchFilter(filters);
  // '~' sorts after every character of an id, so a deadline equal to now falls on the closed side.
  const boundary = `${nowIso}#~`;
  const out = await queryUpTo<Stored>(
    {
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: `gsi1pk = :p AND gsi1sk ${phase === 'open' ? '>' : '<'} :b`,
      ...filter,
      ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':p': keys.publishedCalls, ':b': boundary },
      ScanIndexForward: phase === 'open',
    },
    limit,
    startKey,
  );
  return { items: out.items.map(fromItem), lastKey: out.lastKey };
}

/** Every call of one municipality, drafts included, newest first. */
export async function queryMunicipalityCalls(code: string, filters: CallFilters, limit: number, startKey?: Key) {
  const filter = callSearchFilter(filters);
  const out = await queryUpTo<Stored>(
    {
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :c)',
      ...filter,
      ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':p': keys.municipalityCalls(code), ':c': 'CALL#' },
      ScanIndexForward: false,
    },
    limit,
    startKey,
  );
  return { items: out.items.map(fromItem), lastKey: out.lastKey };
}

/** Every call open at `nowIso`, nearest deadline first (the programme runs 100–150 at a time). */
export async function listOpenCalls(nowIso: string): Promise<CallRecord[]> {
  // From a per-process copy (published-snapshot.ts) while the open calls fit in it (asked once, not per
  // page), else page by page from the deadline index.
  const entries = await publishedEntries((max) => loadOpen(nowIso, max));
  if (entries) return pageFromEntries(entries, 'open', nowIso, {}, Number.MAX_SAFE_INTEGER).items;
  const all: CallRecord[] = [];
  let start: Key | undefined;
  do {
    const page = await queryPublishedCalls('open', nowIso, {}, 500, start);
    all.push(...page.items);
    start = page.lastKey;
  } while (start);
  return all;
}

/** Published calls cancelled after `sinceIso`, most recently cancelled first (the feeds show them 30 days). */
export async function listCancelledSince(sinceIso: string): Promise<CallRecord[]> {
  const all: CallRecord[] = [];
  let start: Key | undefined;
  do {
    const page = await queryUpTo<Stored>(
      {
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk > :since',
        ExpressionAttributeValues: { ':p': keys.cancelledCalls, ':since': sinceIso },
        ScanIndexForward: false,
      },
      500,
      start,
    );
    all.push(...page.items.map(fromItem));
    start = page.lastKey;
  } while (start);
  return all;
}

/**
 * Deletes a draft: one conditional delete that lands only while the stored status is still `draft` (and
 * the version is the one the caller saw), so a call published a moment ago is never removed. A draft
 * made by reusing another call also loses its reuse record under the original. False when the
 * condition failed.
 */
export async function deleteDraftCall(call: CallRecord): Promise<boolean> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.call(call.id),
        ConditionExpression: 'attribute_exists(pk) AND #s = :draft AND #v = :v',
        ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
        ExpressionAttributeValues: { ':draft': 'draft', ':v': call.version },
      }),
    );
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
  if (call.derivedFrom) {
    await db().send(new DeleteCommand({ TableName: table(), Key: keys.reuse(call.derivedFrom.callId, call.createdAt, call.id) }));
  }
  invalidatePublishedSnapshot();
  await afterCallWrite(call, undefined);
  return true;
}
