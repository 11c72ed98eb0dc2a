import { MatchIndex, type MatchProfile } from '../../shared/matching/match-index.js';
import { companyDocumentTerms } from '../../shared/matching/score.js';
import { companiesChangedSince, companyProfileOf, type OrganisationRecord } from '../data/organisations.js';
import { decodeSnapshot, encodeSnapshot, type SnapshotEntry } from './match-snapshot.js';
import { readSnapshot, writeSnapshot } from './snapshot-store.js';

/**
 * The match index of one process (one Lambda container). Cold: load the snapshot (match-snapshot.ts; S3
 * in AWS, a file locally) and ask the company-changes index only for profiles changed since it was
 * written; without a snapshot, read every profile. Warm: at most once per CHECK_MS, ask for profiles
 * changed since the newest one seen and rebuild when there are any (their terms are analysed once and
 * kept, so a rebuild re-analyses only the changed profiles). A profile edit shows up within about a
 * second. The snapshot is rewritten after changes, debounced (SNAPSHOT_DEBOUNCE_MS): locally by this
 * process, in AWS by the table's stream consumer (writeMatchSnapshot). See docs/matching.md.
 */
export const CHECK_MS = 1000;
/** Writes from other containers can land with a slightly older updatedAt than ours; look back this far. */
const OVERLAP_MS = 5000;
export const SNAPSHOT_DEBOUNCE_MS = 30_000;

interface State {
  entries: Map<string, SnapshotEntry>;
  index: MatchIndex;
  newest: string;
  checkedAt: number;
}

let state: State | undefined;
let pending: Promise<MatchIndex> | undefined;
let snapshotTimer: NodeJS.Timeout | undefined;

export function toMatchProfile(org: OrganisationRecord): MatchProfile & { updatedAt: string } {
  return companyProfileOf(org);
}

const entryOf = (org: OrganisationRecord): SnapshotEntry => {
  const profile = toMatchProfile(org);
  const terms = companyDocumentTerms(profile);
  // The text is analysed: only what scoring reads is kept.
  return { profile: { ...profile, description: undefined, capabilities: undefined }, terms };
};

const build = (entries: Map<string, SnapshotEntry>) =>
  new MatchIndex([...entries.values()].map((e) => e.profile), [...entries.values()].map((e) => e.terms));

export async function currentMatchIndex(): Promise<MatchIndex> {
  if (state && Date.now() - state.checkedAt < CHECK_MS) return state.index;
  pending ??= refresh().finally(() => (pending = undefined));
  return pending;
}

/** Entries as of the snapshot (if any) plus every profile changed since. */
export async function loadEntries(): Promise<{ entries: Map<string, SnapshotEntry>; newest: string; fromSnapshot: boolean }> {
  const bytes = await readSnapshot();
  const snap = bytes ? decodeSnapshot(bytes) : undefined;
  const entries = new Map(snap?.entries.map((e) => [e.profile.orgNumber, e]) ?? []);
  const newest = await applyChanges(entries, snap?.newest ?? '');
  return { entries, newest, fromSnapshot: Boolean(snap) };
}

/** Adds the profiles changed since `newest` (minus the overlap); the new newest. */
async function applyChanges(entries: Map<string, SnapshotEntry>, newest: string): Promise<string> {
  const since = newest ? new Date(Math.max(0, Date.parse(newest) - OVERLAP_MS)).toISOString() : '';
  let latest = newest;
  let changed = 0;
  for (const o of await companiesChangedSince(since)) {
    if ((entries.get(o.id)?.profile.updatedAt ?? '') >= (o.updatedAt ?? '') && entries.has(o.id)) continue;
    entries.set(o.id, entryOf(o));
    changed++;
    if ((o.updatedAt ?? '') > latest) latest = o.updatedAt ?? '';
  }
  return changed || !newest ? latest : newest;
}

async function refresh(): Promise<MatchIndex> {
  const checkedAt = Date.now();
  if (!state) {
    const { entries, newest, fromSnapshot } = await loadEntries();
    state = { entries, index: build(entries), newest, checkedAt };
    if (!fromSnapshot) scheduleSnapshot();
    return state.index;
  }
  const before = state.newest;
  state.newest = await applyChanges(state.entries, state.newest);
  if (state.newest !== before) {
    state.index = build(state.entries);
    scheduleSnapshot();
  }
  state.checkedAt = checkedAt;
  return state.index;
}

/** Locally (no stream there) this process rewrites the snapshot a while after the last change it saw. */
function scheduleSnapshot(): void {
  if (!process.env.MATCH_SNAPSHOT_DIR) return;
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => {
    const s = state;
    if (s) void writeSnapshot(encodeSnapshot([...s.entries.values()])).catch(() => undefined);
  }, SNAPSHOT_DEBOUNCE_MS);
  snapshotTimer.unref();
}

/**
 * Rewrites the snapshot from the last one plus the changes since (the stream consumer in AWS calls this
 * when profiles change, at most once per SNAPSHOT_DEBOUNCE_MS of snapshot age). Returns its size in bytes.
 */
export async function writeMatchSnapshot(): Promise<number> {
  const { entries } = await loadEntries();
  const bytes = encodeSnapshot([...entries.values()]);
  await writeSnapshot(bytes);
  return bytes.length;
}

/** Tests start each stack from scratch. */
export function resetMatchIndex(): void {
  state = undefined;
  clearTimeout(snapshotTimer);
}
