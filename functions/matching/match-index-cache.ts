import { MatchIndex, type MatchProfile } from '../../shared/matching/match-index.js';
import { packProfiles, repack, type PackedMatchData, type ProfileTerms } from '../../shared/matching/packed-index.js';
import { companyDocumentTerms } from '../../shared/matching/score.js';
import { companiesChangedSince, companyProfileOf, type OrganisationRecord } from '../data/organisations.js';
import { decodeSnapshot, encodeSnapshot } from './match-snapshot.js';
import { readSnapshot, writeSnapshot } from './snapshot-store.js';

/**
 * The match index of one process (one Lambda container). Cold: load the snapshot (match-snapshot.ts; S3
 * in AWS, a file locally: the built index, not profiles) and ask the company-changes index only for
 * profiles changed since it was written; without a snapshot, read every profile. Warm: at most once per
 * CHECK_MS, ask for profiles changed since the newest one seen and, when there are any, repack the index
 * with only those profiles analysed again (every other company keeps its row). A profile edit shows up
 * within about a second. The snapshot is rewritten after changes, debounced (SNAPSHOT_DEBOUNCE_MS):
 * locally by this process, in AWS by the table's stream consumer (writeMatchSnapshot). See docs/matching.md.
 */
export const CHECK_MS = 1000;
/** Writes from other containers can land with a slightly older updatedAt than ours; look back this far. */
const OVERLAP_MS = 5000;
export const SNAPSHOT_DEBOUNCE_MS = 30_000;

interface State {
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

/** A changed profile, analysed; only what scoring reads is kept of it. */
const changeOf = (org: OrganisationRecord): ProfileTerms => {
  const profile = toMatchProfile(org);
  return { profile: { ...profile, description: undefined, capabilities: undefined }, terms: companyDocumentTerms(profile) };
};

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) || 0 : 0);

export async function currentMatchIndex(): Promise<MatchIndex> {
  if (state && Date.now() - state.checkedAt < CHECK_MS) return state.index;
  pending ??= refresh().finally(() => (pending = undefined));
  return pending;
}

/** The index as of the snapshot (if any) plus every profile changed since. */
export async function loadIndex(): Promise<{ index: MatchIndex; newest: string; fromSnapshot: boolean }> {
  const bytes = await readSnapshot();
  const snap = bytes ? decodeSnapshot(bytes) : undefined;
  const base = new MatchIndex(snap?.data ?? packProfiles([]));
  const { data, newest } = await applyChanges(base, snap?.newest ?? '');
  return { index: data === base.data ? base : new MatchIndex(data), newest, fromSnapshot: Boolean(snap) };
}

/** `index`'s data with the profiles changed since `newest` (minus the overlap), and the new newest. */
async function applyChanges(index: MatchIndex, newest: string): Promise<{ data: PackedMatchData; newest: string }> {
  const since = newest ? new Date(Math.max(0, Date.parse(newest) - OVERLAP_MS)).toISOString() : '';
  let latest = newest;
  const changed: ProfileTerms[] = [];
  for (const o of await companiesChangedSince(since)) {
    const at = index.indexOf(o.id);
    if (at !== undefined && index.data.updatedAt[at]! >= ms(o.updatedAt)) continue;
    changed.push(changeOf(o));
    if ((o.updatedAt ?? '') > latest) latest = o.updatedAt ?? '';
  }
  // Companies new to the index are appended in organisation-number order (the tie-break's order).
  changed.sort((a, b) => (a.profile.orgNumber < b.profile.orgNumber ? -1 : 1));
  return { data: repack(index.data, changed), newest: changed.length || !newest ? latest : newest };
}

async function refresh(): Promise<MatchIndex> {
  const checkedAt = Date.now();
  if (!state) {
    const { index, newest, fromSnapshot } = await loadIndex();
    state = { index, newest, checkedAt };
    if (!fromSnapshot) scheduleSnapshot();
    return state.index;
  }
  const { data, newest } = await applyChanges(state.index, state.newest);
  if (data !== state.index.data) {
    state.index = new MatchIndex(data);
    scheduleSnapshot();
  }
  state.newest = newest;
  state.checkedAt = checkedAt;
  return state.index;
}

/** Locally (no stream there) this process rewrites the snapshot a while after the last change it saw. */
function scheduleSnapshot(): void {
  if (!process.env.MATCH_SNAPSHOT_DIR) return;
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => {
    const s = state;
    if (s) void writeSnapshot(encodeSnapshot(s.index.data, s.newest)).catch(() => undefined);
  }, SNAPSHOT_DEBOUNCE_MS);
  snapshotTimer.unref();
}

/**
 * Rewrites the snapshot from the last one plus the changes since (the stream consumer in AWS calls this
 * when profiles change, at most once per SNAPSHOT_DEBOUNCE_MS of snapshot age). Returns its size in bytes.
 */
export async function writeMatchSnapshot(): Promise<number> {
  const { index, newest } = await loadIndex();
  const bytes = encodeSnapshot(index.data, newest);
  await writeSnapshot(bytes);
  return bytes.length;
}

/** Tests start each stack from scratch. */
export function resetMatchIndex(): void {
  state = undefined;
  clearTimeout(snapshotTimer);
}
