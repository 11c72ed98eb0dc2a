import type { StoredCallStatus } from '../../shared/domain/call-status.js';
import { callSearchAttributes, callSearchFilter, SEARCH_ATTRIBUTES, type CallSearch } from '../../shared/domain/call-search.js';
import type { CallRecord } from './call-record.js';
import { conflict } from '../core/errors.js';
import { keys } from './keys.js';
import { entity, type QuerySpec } from './entity.js';
import { everyPage, type Key } from './paging.js';
import { invalidatePublishedSnapshot, pageFromEntries, publishedEntries } from './published-snapshot.js';
import { queryPostings } from './call-postings.js';
import { afterCallWrite } from './call-derived.js';
import { reuses } from './sharing.js';

export type { CallRecord };
/** Searches over calls follow the one rule in shared/domain/call-search.ts. */
export type CallFilters = CallSearch;

export const calls = entity<CallRecord, string>({
  type: 'call',
  description:
    'A call (utlysning); `closed` is never stored but derived from the deadline. Its search attributes (shared/domain/call-search.ts) are stored for the filter only',
  key: (id) => keys.call(id),
  keyOf: (c) => c.id,
  derived: { names: SEARCH_ATTRIBUTES, compute: callSearchAttributes },
  indexes: (c) => ({
    gsi2pk: keys.municipalityCalls(c.municipalityCode),
    gsi2sk: keys.municipalityCallSort(c.createdAt, c.id),
    ...(c.status === 'open' ? { gsi1pk: keys.publishedCalls, gsi1sk: keys.publishedSort(c.deadline, c.id) } : {}),
    // Published, then cancelled: kept on its own gsi1 partition so the feeds can show it (with the reason) for 30 days.
    ...(c.status === 'cancelled' && c.publishedAt && c.cancelledAt ? { gsi1pk: keys.cancelledCalls, gsi1sk: keys.cancelledSort(c.cancelledAt, c.id) } : {}),
  }),
  patterns: [
    { name: 'one call', index: 'table', partition: 'CALL#<id>', sort: 'CALL' },
    { name: 'open calls by deadline (sparse: stored status open)', index: 'gsi1', partition: 'CALLS#PUBLISHED', sort: '> <now>#~ | < <now>#~' },
    { name: 'published calls cancelled since, latest first', index: 'gsi1', partition: 'CALLS#CANCELLED', sort: '> <since>' },
    { name: "a municipality's calls, drafts included, newest first", index: 'gsi2', partition: 'MUNI#<municipalityCode>', sort: 'begins_with(CALL#)' },
  ],
});

export const getCall = (id: string) => calls.get(id);

export async function getCalls(ids: string[]): Promise<Map<string, CallRecord>> {
  return new Map((await calls.getMany(ids)).map((call) => [call.id, call]));
}

let generation = 0;
/** Counts this process's call writes: caches built from calls (similar needs) start over when it moves. */
export const callWriteGeneration = () => generation;

/** What every call write is followed by: caches start over, and the derived items (postings, aggregates) follow. */
async function afterWrite(before: CallRecord | undefined, after: CallRecord | undefined): Promise<void> {
  generation++;
  invalidatePublishedSnapshot();
  await afterCallWrite(before, after);
}

/** Writes a new call; a call with its id (a fresh ULID, so never in practice) is a 409, never overwritten. */
export async function insertCall(call: CallRecord): Promise<void> {
  if (!(await calls.putIfAbsent(call))) throw conflict(`A call with id ${call.id} exists.`);
  await afterWrite(undefined, call);
}

/**
 * Replaces a call if, and only if, it still has `expectedVersion` (and one of `fromStatuses`, when
 * given): one conditional write, so concurrent editors cannot overwrite each other.
 * Returns false when the condition failed; the caller re-reads to explain why.
 */
export async function replaceCall(next: CallRecord, expectedVersion: number, fromStatuses?: readonly StoredCallStatus[]): Promise<boolean> {
  const inStatus = fromStatuses && {
    condition: `#s IN (${fromStatuses.map((_, i) => `:s${i}`).join(', ')})`,
    names: { '#s': 'status' },
    values: Object.fromEntries(fromStatuses.map((s, i) => [`:s${i}`, s])),
  };
  // The old image tells the derived items (postings, aggregates) what to take back.
  const { ok, old } = await calls.swapIfVersion(next, expectedVersion, inStatus);
  if (ok) await afterWrite(old, next);
  return ok;
}

/**
 * A page of published calls for the public list and feeds: the postings of the one index partition the
 * search rule names (call-postings.ts), then the page's calls by key, so the items read follow the page
 * whatever the size of the table. The start key is a posting's.
 */
export async function publishedCallsPage(phase: 'open' | 'closed', nowIso: string, filters: CallFilters, limit: number, startKey?: Key) {
  const page = await queryPostings(phase, nowIso, filters, limit, startKey);
  const found = await getCalls(page.ids);
  return { items: page.ids.flatMap((id) => found.get(id) ?? []), lastKey: page.lastKey };
}

/** The search rule's filter as a query pattern's, none when the search asks nothing. */
function searchFilter(filters: CallFilters): QuerySpec['filter'] {
  const f = callSearchFilter(filters);
  return f.FilterExpression ? { expression: f.FilterExpression, names: f.ExpressionAttributeNames, values: f.ExpressionAttributeValues } : undefined;
}

/** Published calls on one side of now in the deadline index; '~' sorts after every character of an id, so a deadline equal to now falls on the closed side. */
const publishedPattern = (phase: 'open' | 'closed', nowIso: string, filters: CallFilters): QuerySpec => ({
  index: 'gsi1',
  partition: keys.publishedCalls,
  sort: phase === 'open' ? { after: `${nowIso}#~` } : { before: `${nowIso}#~` },
  newestFirst: phase === 'closed',
  filter: searchFilter(filters),
});

/** Every open call, page by page; undefined once there are more than `max` (too many to hold in memory). */
async function loadOpen(nowIso: string, max: number): Promise<CallRecord[] | undefined> {
  const all: CallRecord[] = [];
  let start: Key | undefined;
  do {
    const page = await calls.query(publishedPattern('open', nowIso, {}), 500, start);
    all.push(...page.items);
    if (all.length > max) return undefined;
    start = page.lastKey;
  } while (start);
  return all;
}

/**
 * Published calls by deadline, from the index. 'open': deadline after `nowIso`, nearest first. 'closed': deadline at or
 * before `nowIso`, most recent first.
 */
export const queryPublishedCalls = (phase: 'open' | 'closed', nowIso: string, filters: CallFilters, limit: number, startKey?: Key) =>
  calls.query(publishedPattern(phase, nowIso, filters), limit, startKey);

/** Every call of one municipality, drafts included, newest first. */
export const queryMunicipalityCalls = (code: string, filters: CallFilters, limit: number, startKey?: Key) =>
  calls.query(
    {
      index: 'gsi2',
      partition: keys.municipalityCalls(code),
      sort: { beginsWith: keys.municipalityCallPrefix },
      newestFirst: true,
      filter: searchFilter(filters),
    },
    limit,
    startKey,
  );

/** Every call of one municipality, drafts and cancelled calls included, newest first. */
export const listMunicipalityCalls = (code: string): Promise<CallRecord[]> => everyPage((start) => queryMunicipalityCalls(code, {}, 500, start));

/** Every call open at `nowIso`, nearest deadline first (the programme runs 100–150 at a time). */
export async function listOpenCalls(nowIso: string): Promise<CallRecord[]> {
  // From a per-process copy (published-snapshot.ts) while the open calls fit in it (asked once, not per
  // page), else page by page from the deadline index.
  const entries = await publishedEntries((max) => loadOpen(nowIso, max));
  if (entries) return pageFromEntries(entries, 'open', nowIso, {}, Number.MAX_SAFE_INTEGER).items;
  return everyPage((start) => queryPublishedCalls('open', nowIso, {}, 500, start));
}

/** Published calls cancelled after `sinceIso`, most recently cancelled first (the feeds show them 30 days). */
export const listCancelledSince = (sinceIso: string): Promise<CallRecord[]> =>
  calls.queryEvery({ index: 'gsi1', partition: keys.cancelledCalls, sort: { after: sinceIso }, newestFirst: true });

/**
 * Deletes a draft: one conditional delete that lands only while the stored status is still `draft` (and
 * the version is the one the caller saw), so a call published a moment ago is never removed. A draft
 * made by reusing another call also loses its reuse record under the original. False when the
 * condition failed.
 */
export async function deleteDraftCall(call: CallRecord): Promise<boolean> {
  const deleted = await calls.remove(call.id, {
    condition: 'attribute_exists(pk) AND #s = :draft AND #v = :v',
    names: { '#s': 'status', '#v': 'version' },
    values: { ':draft': 'draft', ':v': call.version },
  });
  if (!deleted) return false;
  if (call.derivedFrom) await reuses.remove({ originalId: call.derivedFrom.callId, reusedAt: call.createdAt, callId: call.id });
  invalidatePublishedSnapshot();
  await afterCallWrite(call, undefined);
  return true;
}
