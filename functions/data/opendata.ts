/**
 * Data access for the open-data routes (feeds, OCDS). Only public data is read here: published calls,
 * published outcomes and organisation names. Proposals are never touched.
 */
import { SEARCH_ATTRIBUTES } from '../../shared/domain/call-search.js';
import type { CallRecord } from './calls.js';
import { queryInput, recordOf } from './entity.js';
import { keys } from './keys.js';
import { organisations } from './organisations.js';
import { keyOf, queryUpTo, type Key } from './paging.js';
import { outcomes } from './sharing.js';

/** A call as stored, plus the index key it was read under (so a cursor can resume after it). */
export interface KeyedCall {
  call: CallRecord;
  key: Key;
}

/**
 * Calls of one municipality that were ever published (open, closed or cancelled after publishing), newest
 * first, from the municipality index. Drafts and calls cancelled while still drafts have no publishedAt and
 * are filtered out by DynamoDB, so they never reach this process.
 */
export async function queryEverPublishedCalls(code: string, limit: number, startKey?: Key): Promise<{ items: KeyedCall[]; lastKey?: Key }> {
  const out = await queryUpTo<Record<string, unknown>>(
    queryInput({
      index: 'gsi2',
      partition: keys.municipalityCalls(code),
      sort: { beginsWith: keys.municipalityCallPrefix },
      newestFirst: true,
      filter: {
        expression: 'attribute_exists(publishedAt) AND #s IN (:open, :cancelled)',
        names: { '#s': 'status' },
        values: { ':open': 'open', ':cancelled': 'cancelled' },
      },
    }),
    limit,
    startKey,
  );
  return {
    items: out.items.map((item) => ({ call: recordOf<CallRecord>(item, SEARCH_ATTRIBUTES), key: keyOf(item, 'gsi2') })),
    lastKey: out.lastKey,
  };
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
  // Only the public fields are read.
  const items = await outcomes.getMany(unique, ['callId', 'published', 'partners', 'updatedAt']);
  for (const item of items) {
    if (item.published !== true) continue;
    const callId = item.callId;
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
  for (const o of await organisations.getMany(unique, ['id', 'name'])) if (typeof o.id === 'string' && typeof o.name === 'string') names.set(o.id, o.name);
  return names;
}
