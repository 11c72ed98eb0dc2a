import type { CallRecord } from './call-record.js';
import { callSearchAttributes, matchesCallSearch, type CallSearch } from '../../shared/domain/call-search.js';
import type { Key } from './paging.js';
import { keys } from './keys.js';
import { config } from '../core/config.js';

/**
 * An in-memory copy of the open calls, for the readers that need all of them (the partner slate, a
 * company's own ranking, notices); the public list reads the published-calls index page by page
 * (call-postings.ts) instead. Reloaded when older than TTL_MS (a reload reads every open call: about
 * 5,000 at national size, ~1,900 read units, so every five minutes, not every second) and dropped at once when this process
 * writes a call, so a writer always sees its own change; another Lambda container may lag up to TTL_MS.
 * Status is still derived from the clock on every read, so a call reads closed the instant its deadline
 * passes. Above PUBLISHED_SNAPSHOT_MAX open calls the readers page through the index instead.
 */
export const TTL_MS = 300_000;

interface Entry {
  call: CallRecord;
  sort: string;
  /** The call's derived search attributes, computed once per load. */
  derived: ReturnType<typeof callSearchAttributes>;
}

let snapshot: { loadedAt: number; entries: Entry[] } | undefined;
let loading: Promise<Entry[] | undefined> | undefined;
let generation = 0;

export function invalidatePublishedSnapshot(): void {
  snapshot = undefined;
  generation++;
}

/** The open calls in deadline order (as `loadAll` reads them), or undefined when there are too many to hold. */
export async function publishedEntries(loadAll: (max: number) => Promise<CallRecord[] | undefined>): Promise<Entry[] | undefined> {
  const max = config().publishedSnapshotMax;
  if (max <= 0) return undefined;
  if (snapshot && Date.now() - snapshot.loadedAt < TTL_MS) return snapshot.entries;
  if (!loading) {
    const started = generation;
    const at = Date.now();
    loading = loadAll(max)
      .then((calls) => {
        const entries = calls?.map((call) => ({ call, sort: keys.publishedSort(call.deadline, call.id), derived: callSearchAttributes(call) }));
        entries?.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
        // A write while we were loading makes this copy stale before it is born: serve it once, keep none.
        if (entries && started === generation) snapshot = { loadedAt: at, entries };
        return entries;
      })
      .finally(() => (loading = undefined));
  }
  return loading;
}

/** The same page the index query would return: same order, same filters, same start key. */
export function pageFromEntries(
  entries: Entry[],
  phase: 'open' | 'closed',
  nowIso: string,
  f: CallSearch,
  limit: number,
  startKey?: Key,
): { items: CallRecord[]; lastKey?: Key } {
  const boundary = `${nowIso}#~`;
  const ordered = phase === 'open' ? entries.filter((e) => e.sort > boundary) : entries.filter((e) => e.sort < boundary).reverse();
  const after = startKey?.gsi1sk;
  const items: CallRecord[] = [];
  let more = false;
  for (const e of ordered) {
    if (after !== undefined && (phase === 'open' ? e.sort <= after : e.sort >= after)) continue;
    if (!matchesCallSearch(f, e.call, e.derived)) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(e.call);
  }
  const last = items[items.length - 1];
  return {
    items,
    lastKey: more && last ? { ...keys.call(last.id), gsi1pk: keys.publishedCalls, gsi1sk: keys.publishedSort(last.deadline, last.id) } : undefined,
  };
}
