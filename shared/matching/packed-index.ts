/**
 * The match index as plain data: typed arrays and a few string lists, no object per company. This is
 * what the snapshot stores (functions/matching/match-snapshot.ts), so a cold container loads it with a
 * decompress and a handful of array views instead of rebuilding 100,000 term-frequency maps.
 *
 * Company i: orgNumbers[i], names[i], munis[muni[i]] (NO_MUNI: none), sme[i], capacity[i], its CPV codes
 * codes[codeIds[codeStart[i] .. codeStart[i+1])], its document length lengths[i] (number of analysed
 * terms). Term t: terms[t], its postings postDocs/postTfs[termStart[t] .. termStart[t+1]), document ids
 * ascending. CPV rarity: cpvNodeDf[k] companies hold a code at or below cpvNodes[k].
 */
import { termFrequencies } from './bm25.js';
import { cpvNodes } from './cpv-evidence.js';
import type { MatchProfile } from './match-index.js';

export const NO_MUNI = 0xffff;

export interface PackedMatchData {
  orgNumbers: string[];
  names: string[];
  /** Last change of each profile, epoch ms (0 unknown): the loader compares it with the change index. */
  updatedAt: Float64Array;
  munis: string[];
  muni: Uint16Array;
  sme: Uint8Array;
  capacity: Uint16Array;
  codes: string[];
  codeStart: Int32Array;
  codeIds: Int32Array;
  terms: string[];
  termStart: Int32Array;
  postDocs: Uint32Array;
  postTfs: Uint16Array;
  lengths: Uint32Array;
  cpvNodes: string[];
  cpvNodeDf: Int32Array;
}

/** A profile with its analysed document terms and when it last changed. */
export interface ProfileTerms {
  profile: MatchProfile & { updatedAt?: string };
  terms: readonly string[];
}

/** Rows × columns in compressed-row form; `transpose` turns postings into a forward index and back. */
interface Csr {
  start: Int32Array;
  idx: Uint32Array;
  val: Uint16Array;
}

/** Counting sort by column: rows of the result come out in ascending order of the input's rows. */
export function transpose(m: Csr, columns: number): Csr {
  const rows = m.start.length - 1;
  const start = new Int32Array(columns + 1);
  for (let k = 0; k < m.idx.length; k++) start[m.idx[k]! + 1]!++;
  for (let c = 0; c < columns; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, columns);
  const idx = new Uint32Array(m.idx.length);
  const val = new Uint16Array(m.idx.length);
  for (let r = 0; r < rows; r++) {
    for (let k = m.start[r]!; k < m.start[r + 1]!; k++) {
      const at = fill[m.idx[k]!]!++;
      idx[at] = r;
      val[at] = m.val[k]!;
    }
  }
  return { start, idx, val };
}

/** Interning of strings to dense ids. */
class Dict {
  readonly list: string[];
  private readonly ids = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    this.list = [...initial];
    this.list.forEach((s, i) => this.ids.set(s, i));
  }
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) this.ids.set(s, (id = this.list.push(s) - 1));
    return id;
  }
}

/** One company's row in the forward index: term ids and frequencies. */
type Row = { ids: number[]; tfs: number[] } | { from: number };

/**
 * Packs companies whose rows are either new (analysed terms) or taken from `base`'s forward index, then
 * inverts the forward index into postings (document ids ascending, as scoring sums them).
 */
function pack(
  profiles: readonly ProfileTerms['profile'][], rows: readonly Row[], termDict: Dict, base?: { fwd: Csr; data: PackedMatchData },
): PackedMatchData {
  const n = profiles.length;
  const munis = new Dict();
  const codes = new Dict();
  const nodeDf = new Map<string, number>();
  const muni = new Uint16Array(n);
  const sme = new Uint8Array(n);
  const capacity = new Uint16Array(n);
  const updatedAt = new Float64Array(n);
  const lengths = new Uint32Array(n);
  const codeStart = new Int32Array(n + 1);
  const codeIds: number[] = [];
  const fwdStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    fwdStart[i + 1] = fwdStart[i]! + ('from' in row ? base!.fwd.start[row.from + 1]! - base!.fwd.start[row.from]! : row.ids.length);
  }
  const fwdIdx = new Uint32Array(fwdStart[n]!);
  const fwdVal = new Uint16Array(fwdStart[n]!);
  profiles.forEach((p, i) => {
    muni[i] = p.municipalityCode ? munis.id(p.municipalityCode) : NO_MUNI;
    sme[i] = (p.sme ?? true) ? 1 : 0;
    capacity[i] = Math.min(p.capacity ?? 2, 0xffff);
    updatedAt[i] = p.updatedAt ? Date.parse(p.updatedAt) : 0;
    codeStart[i] = codeIds.length;
    for (const c of p.cpvCodes) codeIds.push(codes.id(c));
    for (const node of cpvNodes(p.cpvCodes)) nodeDf.set(node, (nodeDf.get(node) ?? 0) + 1);
    const row = rows[i]!;
    let at = fwdStart[i]!;
    if ('from' in row) {
      const f = base!.fwd;
      lengths[i] = base!.data.lengths[row.from]!;
      for (let k = f.start[row.from]!; k < f.start[row.from + 1]!; k++, at++) {
        fwdIdx[at] = f.idx[k]!;
        fwdVal[at] = f.val[k]!;
      }
    } else {
      lengths[i] = row.tfs.reduce((s, f) => s + f, 0);
      for (let k = 0; k < row.ids.length; k++, at++) {
        fwdIdx[at] = row.ids[k]!;
        fwdVal[at] = Math.min(row.tfs[k]!, 0xffff);
      }
    }
  });
  codeStart[n] = codeIds.length;
  if (munis.list.length >= NO_MUNI) throw new Error('too many municipalities for the packed index');
  const post = compactTerms(transpose({ start: fwdStart, idx: fwdIdx, val: fwdVal }, termDict.list.length), termDict.list);
  return {
    orgNumbers: profiles.map((p) => p.orgNumber), names: profiles.map((p) => p.name), updatedAt,
    munis: munis.list, muni, sme, capacity, codes: codes.list, codeStart, codeIds: Int32Array.from(codeIds),
    terms: post.terms, termStart: post.start, postDocs: post.idx, postTfs: post.val, lengths,
    cpvNodes: [...nodeDf.keys()], cpvNodeDf: Int32Array.from(nodeDf.values()),
  };
}

/** Drops terms no company holds any more (after edits), so the dictionary does not grow for ever. */
function compactTerms(post: Csr, terms: readonly string[]): Csr & { terms: string[] } {
  const kept: number[] = [];
  for (let t = 0; t < terms.length; t++) if (post.start[t + 1]! > post.start[t]!) kept.push(t);
  if (kept.length === terms.length) return { ...post, terms: [...terms] };
  const start = new Int32Array(kept.length + 1);
  kept.forEach((t, k) => (start[k + 1] = post.start[t + 1]!));
  return { start, idx: post.idx, val: post.val, terms: kept.map((t) => terms[t]!) };
}

const termRow = (dict: Dict, terms: readonly string[]): Row => {
  const ids: number[] = [];
  const tfs: number[] = [];
  for (const [t, f] of termFrequencies(terms)) {
    ids.push(dict.id(t));
    tfs.push(f);
  }
  return { ids, tfs };
};

/** The packed index of these profiles (in this order) and their analysed terms. */
export function packProfiles(items: readonly ProfileTerms[]): PackedMatchData {
  const dict = new Dict();
  return pack(items.map((e) => e.profile), items.map((e) => termRow(dict, e.terms)), dict);
}

/** The profile of company i as the packed index keeps it (no text: only what scoring reads). */
export function packedProfile(d: PackedMatchData, i: number): MatchProfile {
  const m = d.muni[i]!;
  return {
    orgNumber: d.orgNumbers[i]!, name: d.names[i]!, ...(m === NO_MUNI ? {} : { municipalityCode: d.munis[m]! }),
    sme: d.sme[i] === 1, capacity: d.capacity[i]!, cpvCodes: Array.from(d.codeIds.subarray(d.codeStart[i]!, d.codeStart[i + 1]!), (c) => d.codes[c]!),
  };
}

/** The forward index (company → term ids and frequencies), inverted from the postings. */
export const forwardIndex = (d: PackedMatchData): Csr => transpose({ start: d.termStart, idx: d.postDocs, val: d.postTfs }, d.orgNumbers.length);

/**
 * `base` with these profiles replaced (same organisation number) or added (at the end): only the changed
 * profiles bring terms; every other company keeps its row of the forward index. Exact: the result equals
 * `packProfiles` of the same companies in the same order (a unit test checks it).
 */
export function repack(base: PackedMatchData, changed: readonly ProfileTerms[]): PackedMatchData {
  if (!changed.length) return base;
  const dict = new Dict(base.terms);
  const at = new Map(base.orgNumbers.map((o, i) => [o, i]));
  const profiles: ProfileTerms['profile'][] = [];
  const rows: Row[] = [];
  const replaced = new Map(changed.map((c) => [c.profile.orgNumber, c]));
  for (let i = 0; i < base.orgNumbers.length; i++) {
    const c = replaced.get(base.orgNumbers[i]!);
    profiles.push(c ? c.profile : { ...packedProfile(base, i), updatedAt: base.updatedAt[i] ? new Date(base.updatedAt[i]!).toISOString() : undefined });
    rows.push(c ? termRow(dict, c.terms) : { from: i });
  }
  for (const c of replaced.values()) {
    if (at.has(c.profile.orgNumber)) continue;
    profiles.push(c.profile);
    rows.push(termRow(dict, c.terms));
  }
  return pack(profiles, rows, dict, { fwd: forwardIndex(base), data: base });
}
