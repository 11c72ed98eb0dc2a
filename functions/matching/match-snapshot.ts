/**
 * The match index snapshot: every company profile as matching reads it, with its analysed document terms,
 * so a cold container rebuilds the index without re-analysing 100,000 texts (the analysis — compound
 * splitting, stemming — is about half of a build). Format, version 1: gzip of one JSON object
 * `{ v: 1, newest, dict: [term…], p: [[orgNumber, name, municipalityCode|null, sme, capacity, [cpv…], updatedAt, [termId…]]…] }`;
 * terms are ids into `dict`, so each distinct term is stored once. `newest` is the latest profile change
 * in it: a loader asks the table only for profiles changed since then.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { MatchProfile } from '../../shared/matching/match-index.js';

export const SNAPSHOT_VERSION = 1;

export interface SnapshotEntry {
  profile: MatchProfile & { updatedAt: string };
  terms: readonly string[];
}

type Row = [string, string, string | null, boolean, number, string[], string, number[]];

export function encodeSnapshot(entries: readonly SnapshotEntry[]): Uint8Array {
  const ids = new Map<string, number>();
  const dict: string[] = [];
  let newest = '';
  const rows: Row[] = entries.map(({ profile: p, terms }) => {
    if (p.updatedAt > newest) newest = p.updatedAt;
    return [p.orgNumber, p.name, p.municipalityCode ?? null, p.sme ?? true, p.capacity ?? 2, [...p.cpvCodes], p.updatedAt,
      terms.map((t) => { let id = ids.get(t); if (id === undefined) ids.set(t, (id = dict.push(t) - 1)); return id; })];
  });
  return gzipSync(JSON.stringify({ v: SNAPSHOT_VERSION, newest, dict, p: rows }), { level: 6 });
}

/** The entries of a snapshot, or undefined when it is of another version (the caller then builds from the table). */
export function decodeSnapshot(bytes: Uint8Array): { newest: string; entries: SnapshotEntry[] } | undefined {
  const data = JSON.parse(gunzipSync(bytes).toString('utf8')) as { v: number; newest: string; dict: string[]; p: Row[] };
  if (data.v !== SNAPSHOT_VERSION) return undefined;
  const { dict } = data;
  return {
    newest: data.newest,
    entries: data.p.map(([orgNumber, name, municipalityCode, sme, capacity, cpvCodes, updatedAt, termIds]) => ({
      profile: { orgNumber, name, ...(municipalityCode ? { municipalityCode } : {}), sme, capacity, cpvCodes, updatedAt },
      terms: termIds.map((id) => dict[id]!),
    })),
  };
}
