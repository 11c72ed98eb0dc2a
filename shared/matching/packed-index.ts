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
import type { MatchProfile } from './match-profile.js';

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

/** One company: a profile with its analysed term ids and frequencies, or company `from` of the base, unchanged. */
type Row = { profile: ProfileTerms['profile']; ids: number[]; tfs: number[] } | { from: number };

interface Base {
  data: PackedMatchData;
  /** Base companies replaced by a new row: their CPV nodes and postings no longer count. */
  dropped: readonly number[];
}

const codesOf = (d: PackedMatchData, i: number) => Array.from(d.codeIds.subarray(d.codeStart[i]!, d.codeStart[i + 1]!), (c) => d.codes[c]!);

/**
 * Packs the rows. Postings (company ids ascending, as scoring sums them): without a base, the forward index
 * of the rows inverted; with one, the base's postings merged with the new rows' (mergePostings). Rows
 * taken from `base` keep their index and are copied array to array (its municipality and code ids are
 * kept), so an edit costs a pass over the arrays, not an object per company.
 */
function pack(rows: readonly Row[], termDict: Dict, base?: Base): PackedMatchData {
  const n = rows.length;
  const b = base?.data;
  const munis = new Dict(b?.munis);
  const codes = new Dict(b?.codes);
  const nodeDf = new Map<string, number>(b?.cpvNodes.map((node, k) => [node, b.cpvNodeDf[k]!]));
  for (const i of base?.dropped ?? []) for (const node of cpvNodes(codesOf(b!, i))) nodeDf.set(node, nodeDf.get(node)! - 1);
  const orgNumbers: string[] = [];
  const names: string[] = [];
  const muni = new Uint16Array(n);
  const sme = new Uint8Array(n);
  const capacity = new Uint16Array(n);
  const updatedAt = new Float64Array(n);
  const lengths = new Uint32Array(n);
  const codeStart = new Int32Array(n + 1);
  const codeIds: number[] = [];
  const fwdStart = new Int32Array(n + 1);
  if (!base) for (let i = 0; i < n; i++) fwdStart[i + 1] = fwdStart[i]! + (rows[i] as { ids: number[] }).ids.length;
  const fwdIdx = new Uint32Array(fwdStart[n]!);
  const fwdVal = new Uint16Array(fwdStart[n]!);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    codeStart[i] = codeIds.length;
    if ('from' in row) {
      const j = row.from;
      orgNumbers.push(b!.orgNumbers[j]!);
      names.push(b!.names[j]!);
      muni[i] = b!.muni[j]!;
      sme[i] = b!.sme[j]!;
      capacity[i] = b!.capacity[j]!;
      updatedAt[i] = b!.updatedAt[j]!;
      lengths[i] = b!.lengths[j]!;
      for (let k = b!.codeStart[j]!; k < b!.codeStart[j + 1]!; k++) codeIds.push(b!.codeIds[k]!);
      continue;
    }
    const p = row.profile;
    orgNumbers.push(p.orgNumber);
    names.push(p.name);
    muni[i] = p.municipalityCode ? munis.id(p.municipalityCode) : NO_MUNI;
    sme[i] = (p.sme ?? true) ? 1 : 0;
    capacity[i] = Math.min(p.capacity ?? 2, 0xffff);
    updatedAt[i] = p.updatedAt ? Date.parse(p.updatedAt) || 0 : 0;
    for (const c of p.cpvCodes) codeIds.push(codes.id(c));
    for (const node of cpvNodes(p.cpvCodes)) nodeDf.set(node, (nodeDf.get(node) ?? 0) + 1);
    lengths[i] = row.tfs.reduce((sum, f) => sum + f, 0);
    if (base) continue;
    for (let k = 0, at = fwdStart[i]!; k < row.ids.length; k++, at++) {
      fwdIdx[at] = row.ids[k]!;
      fwdVal[at] = Math.min(row.tfs[k]!, 0xffff);
    }
  }
  codeStart[n] = codeIds.length;
  if (munis.list.length >= NO_MUNI) throw new Error('too many municipalities for the packed index');
  const merged = base ? mergePostings(base.data, rows, termDict.list.length) : transpose({ start: fwdStart, idx: fwdIdx, val: fwdVal }, termDict.list.length);
  const post = compactTerms(merged, termDict.list);
  const nodes = [...nodeDf].filter(([, df]) => df > 0);
  return {
    orgNumbers,
    names,
    updatedAt,
    munis: munis.list,
    muni,
    sme,
    capacity,
    codes: codes.list,
    codeStart,
    codeIds: Int32Array.from(codeIds),
    terms: post.terms,
    termStart: post.start,
    postDocs: post.idx,
    postTfs: post.val,
    lengths,
    cpvNodes: nodes.map(([node]) => node),
    cpvNodeDf: Int32Array.from(nodes, ([, df]) => df),
  };
}

/**
 * The base's postings without the replaced companies' entries, merged with the new rows' (a replaced
 * company keeps its id; a new one comes after every base company), company ids ascending in each term.
 * One pass over the postings: an edit does not invert the whole index.
 */
function mergePostings(b: PackedMatchData, rows: readonly Row[], terms: number): Csr {
  const n0 = b.orgNumbers.length;
  const oldTerms = b.terms.length;
  const replaced = new Uint8Array(n0);
  const addStart = new Int32Array(terms + 1);
  rows.forEach((r, i) => {
    if ('from' in r) return;
    if (i < n0) replaced[i] = 1;
    for (const t of r.ids) addStart[t + 1]!++;
  });
  for (let t = 0; t < terms; t++) addStart[t + 1]! += addStart[t]!;
  const fill = addStart.slice(0, terms);
  const addDoc = new Uint32Array(addStart[terms]!);
  const addTf = new Uint16Array(addStart[terms]!);
  rows.forEach((r, i) => {
    if ('from' in r) return;
    r.ids.forEach((t, k) => {
      const at = fill[t]!++;
      addDoc[at] = i;
      addTf[at] = Math.min(r.tfs[k]!, 0xffff);
    });
  });
  const start = new Int32Array(terms + 1);
  const idx = new Uint32Array(b.postDocs.length + addDoc.length);
  const val = new Uint16Array(idx.length);
  let at = 0;
  for (let t = 0; t < terms; t++) {
    start[t] = at;
    let k = t < oldTerms ? b.termStart[t]! : 0;
    const kEnd = t < oldTerms ? b.termStart[t + 1]! : 0;
    let a = addStart[t]!;
    const aEnd = addStart[t + 1]!;
    while (k < kEnd || a < aEnd) {
      if (k < kEnd && replaced[b.postDocs[k]!]) k++;
      else if (a < aEnd && (k >= kEnd || addDoc[a]! < b.postDocs[k]!)) {
        idx[at] = addDoc[a]!;
        val[at++] = addTf[a++]!;
      } else {
        idx[at] = b.postDocs[k]!;
        val[at++] = b.postTfs[k++]!;
      }
    }
  }
  start[terms] = at;
  return { start, idx: idx.slice(0, at), val: val.slice(0, at) };
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

const termRow = (dict: Dict, { profile, terms }: ProfileTerms): Row => {
  const ids: number[] = [];
  const tfs: number[] = [];
  for (const [t, f] of termFrequencies(terms)) {
    ids.push(dict.id(t));
    tfs.push(f);
  }
  return { profile, ids, tfs };
};

/** The packed index of these profiles (in this order) and their analysed terms. */
export function packProfiles(items: readonly ProfileTerms[]): PackedMatchData {
  const dict = new Dict();
  return pack(
    items.map((e) => termRow(dict, e)),
    dict,
  );
}

/** The forward index (company → term ids and frequencies), inverted from the postings. */
export const forwardIndex = (d: PackedMatchData): Csr => transpose({ start: d.termStart, idx: d.postDocs, val: d.postTfs }, d.orgNumbers.length);

/**
 * `base` with these profiles replaced (same organisation number) or added (at the end): only the changed
 * profiles bring terms; every other company keeps its postings. Exact: the result ranks and
 * explains like `packProfiles` of the same companies in the same order (a property test checks it).
 */
export function repack(base: PackedMatchData, changed: readonly ProfileTerms[]): PackedMatchData {
  if (!changed.length) return base;
  const dict = new Dict(base.terms);
  const replaced = new Map(changed.map((c) => [c.profile.orgNumber, c]));
  const rows: Row[] = [];
  const dropped: number[] = [];
  for (let i = 0; i < base.orgNumbers.length; i++) {
    const c = replaced.get(base.orgNumbers[i]!);
    if (c) {
      dropped.push(i);
      replaced.delete(c.profile.orgNumber);
    }
    rows.push(c ? termRow(dict, c) : { from: i });
  }
  // What is left is new to the index: appended.
  for (const c of replaced.values()) rows.push(termRow(dict, c));
  return pack(rows, dict, { data: base, dropped });
}
