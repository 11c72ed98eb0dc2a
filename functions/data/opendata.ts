/**
 * Data access for the open-data routes (feeds, OCDS). Only public data is read here: published calls,
 * published outcomes and organisation names. Proposals are never touched.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { CallRecord } from './calls.js';
import { db, table } from './client.js';
import { keys } from './keys.js';
import { queryUpTo, type Key } from './paging.js';

/** A call as stored, plus the index key it was read under (so a cursor can resume after it). */
export interface KeyedCall {
  call: CallRecord;
  key: Key;
}

function toCall(item: Record<string, unknown>): CallRecord {
  const { pk, sk, type, searchText, gsi1pk, gsi1sk, gsi2pk, gsi2sk, ...rest } = item;
  void pk, sk, type, searchText, gsi1pk, gsi1sk, gsi2pk, gsi2sk;
  return rest as unknown as CallRecord;
}

/**
 * Calls of one municipality that were ever published (open, closed or cancelled after publishing), newest
 * first, from the municipality index. Drafts and calls cancelled while still drafts have no publishedAt and
 * are filtered out by DynamoDB, so they never reach this process.
 */
export async function queryEverPublishedCalls(code: string, limit: number, startKey?: Key): Promise<{ items: KeyedCall[]; lastKey?: Key }> {
  const out = await queryUpTo<Record<string, unknown>>(
    {
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :c)',
      FilterExpression: 'attribute_exists(publishedAt) AND #s IN (:open, :cancelled)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':p': keys.municipalityCalls(code), ':c': 'CALL#', ':open': 'open', ':cancelled': 'cancelled' },
      ScanIndexForward: false,
    },
    limit,
    startKey,
  );
  return {
    items: out.items.map((item) => ({
      call: toCall(item),
      key: { pk: String(item.pk), sk: String(item.sk), gsi2pk: String(item.gsi2pk), gsi2sk: String(item.gsi2sk) },
    })),
    lastKey: out.lastKey,
  };
}

/**
 * Calls of one municipality cancelled after publishing since `sinceIso` (feeds keep them 30 days, marked
 * cancelled), from the municipality index.
 */
export async function queryCancelledSince(code: string, sinceIso: string): Promise<CallRecord[]> {
  const out: CallRecord[] = [];
  let start: Key | undefined;
  do {
    const page = await queryUpTo<Record<string, unknown>>(
      {
        TableName: table(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :c)',
        FilterExpression: 'attribute_exists(publishedAt) AND #s = :cancelled AND cancelledAt >= :since',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':p': keys.municipalityCalls(code), ':c': 'CALL#', ':cancelled': 'cancelled', ':since': sinceIso },
        ScanIndexForward: false,
      },
      500,
      start,
    );
    out.push(...page.items.map(toCall));
    start = page.lastKey;
  } while (start);
  return out;
}

/** GetItem in batches of 100, asking again for unprocessed keys. */
async function batchGet(keyList: Record<string, string>[], projection?: { expr: string; names: Record<string, string> }) {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> }> | undefined = {
      [table()]: {
        Keys: keyList.slice(i, i + 100),
        ...(projection ? { ProjectionExpression: projection.expr, ExpressionAttributeNames: projection.names } : {}),
      },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await db().send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(out.Responses?.[table()] ?? []));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return items;
}

/** What of an outcome is public: the partners (organisasjonsnummer) and when it was last recorded. */
export interface PublicOutcome {
  callId: string;
  partners: string[];
  /** Partner names as recorded with the outcome, when it carries them. */
  partnerNames?: Map<string, string>;
  updatedAt?: string;
}

/**
 * Published outcomes of the given calls (item CALL#id / OUTCOME). Unpublished outcomes and calls without
 * one are simply absent from the map. Only the public fields are projected. Partners may be stored as
 * organisasjonsnummer or as { orgNumber, name }.
 */
export async function getPublishedOutcomes(callIds: string[]): Promise<Map<string, PublicOutcome>> {
  const unique = [...new Set(callIds)];
  const found = new Map<string, PublicOutcome>();
  if (unique.length === 0) return found;
  const items = await batchGet(unique.map((id) => keys.outcome(id)), {
    expr: '#pk, #published, #partners, #updatedAt',
    names: { '#pk': 'pk', '#published': 'published', '#partners': 'partners', '#updatedAt': 'updatedAt' },
  });
  for (const item of items) {
    if (item.published !== true) continue;
    const callId = String(item.pk).replace(/^CALL#/, '');
    const partners: string[] = [];
    const partnerNames = new Map<string, string>();
    for (const p of Array.isArray(item.partners) ? (item.partners as unknown[]) : []) {
      const orgNumber = typeof p === 'string' ? p : typeof p === 'object' && p ? (p as { orgNumber?: unknown }).orgNumber : undefined;
      if (typeof orgNumber !== 'string' || !orgNumber || partners.includes(orgNumber)) continue;
      partners.push(orgNumber);
      const name = typeof p === 'object' && p ? (p as { name?: unknown }).name : undefined;
      if (typeof name === 'string' && name) partnerNames.set(orgNumber, name);
    }
    found.set(callId, { callId, partners, partnerNames, updatedAt: typeof item.updatedAt === 'string' ? item.updatedAt : undefined });
  }
  return found;
}

/** Public names of organisations by id (absent ids are left out). */
export async function getOrganisationNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  if (unique.length === 0) return names;
  const items = await batchGet(unique.map((id) => keys.organisation(id)), { expr: '#id, #name', names: { '#id': 'id', '#name': 'name' } });
  for (const item of items) if (typeof item.id === 'string' && typeof item.name === 'string') names.set(item.id, item.name);
  return names;
}
