import { callPartitions, callSearchAttributes, callSearchFilter, searchPartitions, type CallSearch } from '../../shared/domain/call-search.js';
import type { CallRecord } from './call-record.js';
import { batchWrite } from './batch-write.js';
import { table } from './client.js';
import { entity } from './entity.js';
import { keys } from './keys.js';
import { queryUpTo, type Key } from './paging.js';

/**
 * The published-calls index: one small posting per (published call, facet) — every call (`A`), its
 * municipality (`M#3101`), county (`C#31`), each domain (`D#energy`), CPV division (`V#48`) and the key
 * of each word of its text (`W#sen`) — in gsi3 by deadline. A filtered list queries the one partition
 * the search rule names (searchPartitions) and filters the rest on the posting's own copy of the searched
 * attributes, then reads the page's calls by key: items read follow the page, not the table. Postings
 * are derived data, rewritten from the call whenever it is written (locally right after the write, in AWS
 * by the table's stream: functions/jobs/table-stream.ts).
 */
export interface CallPosting {
  callId: string;
  facet: string;
  deadline: string;
  municipalityCode: string;
  countyCode: string;
  domains: readonly string[];
  cpvPrefixes: readonly string[];
  searchText: string;
}

export const POSTING_PREFIX = 'PUB#';

export const postings = entity<CallPosting, { callId: string; facet: string }>({
  type: 'call-posting',
  description: 'A published call listed under one facet (all, municipality, county, domain, CPV division, word key), with the attributes the list filters on',
  keyTemplate: { pk: 'CALL#<callId>', sk: 'PUB#<facet>' },
  key: ({ callId, facet }) => ({ pk: keys.call(callId).pk, sk: `${POSTING_PREFIX}${facet}` }),
  keyOf: (p) => ({ callId: p.callId, facet: p.facet }),
  indexes: (p) => ({ gsi3pk: `${POSTING_PREFIX}${p.facet}`, gsi3sk: keys.publishedSort(p.deadline, p.callId) }),
  patterns: [
    {
      name: 'published calls under one facet, nearest deadline first (open) or latest first (closed)',
      index: 'gsi3',
      partition: 'PUB#<facet>',
      sort: '> <now>#~ | < <now>#~',
    },
    { name: "a call's postings (to remove those it no longer has)", index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(PUB#)' },
  ],
});

/** Postings of a call as stored now: none unless its stored status is open (published, not cancelled). */
export function postingsOf(call: CallRecord | undefined): CallPosting[] {
  if (!call || call.status !== 'open') return [];
  const derived = callSearchAttributes(call);
  return callPartitions(call).map((facet) => ({
    callId: call.id,
    facet,
    deadline: call.deadline,
    municipalityCode: call.municipalityCode,
    countyCode: derived.countyCode,
    domains: call.domains,
    cpvPrefixes: derived.cpvPrefixes,
    searchText: derived.searchText,
  }));
}

/** Brings a call's postings from what `before` had to what `after` needs: puts every current one, deletes the rest. */
export async function syncPostings(before: CallRecord | undefined, after: CallRecord | undefined): Promise<void> {
  const next = postingsOf(after);
  const keep = new Set(next.map((p) => p.facet));
  const gone = postingsOf(before).filter((p) => !keep.has(p.facet));
  await batchWrite(
    next.map(postings.toItem),
    gone.map((p) => postings.declaration.key(p)),
  );
}

/**
 * A page of published call ids under the partition the search names, in deadline order; the search's
 * other conditions filter the postings. 'open': deadline after `nowIso`, nearest first; 'closed': the rest,
 * latest first. The start key is a posting key (with gsi3 attributes).
 */
export async function queryPostings(phase: 'open' | 'closed', nowIso: string, search: CallSearch, limit: number, startKey?: Key) {
  const facet = searchPartitions(search)[0]!;
  const filter = callSearchFilter(search);
  // '~' sorts after every character of an id, so a deadline equal to now falls on the closed side.
  const boundary = `${nowIso}#~`;
  const out = await queryUpTo<Record<string, unknown>>(
    {
      TableName: table(),
      IndexName: 'gsi3',
      KeyConditionExpression: `gsi3pk = :p AND gsi3sk ${phase === 'open' ? '>' : '<'} :b`,
      ...filter,
      ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ':p': `${POSTING_PREFIX}${facet}`, ':b': boundary },
      ScanIndexForward: phase === 'open',
    },
    limit,
    startKey,
  );
  return { ids: out.items.map((i) => String(i.callId)), lastKey: out.lastKey };
}
