/**
 * The match index snapshot: the built index itself (shared/matching/packed-index.ts), so a cold container
 * loads 100,000 companies with one decompress, one small JSON parse and array views over the decompressed
 * bytes: no text analysis, no inverted-index build, no object per company.
 *
 * Format, version 2 (docs/matching.md): gzip of
 *   "MIX2" · u32 header length · header (UTF-8 JSON) · zero padding to 8 bytes · the sections, each padded to 8.
 * The header: `{ v: 2, newest, orgNumbers, names, munis, codes, terms, cpvNodes, sections: [[name, type, length]…] }`.
 * The sections, in the header's order, little-endian: updatedAt f64, muni u16, sme u8, capacity u16,
 * codeStart i32, codeIds i32, termStart i32, postDocs u32 (within each term the difference from the
 * previous document id, which compresses far better; the loader sums them back in place), postTfs u16,
 * lengths u32, cpvNodeDf i32. `newest` is the latest profile change in it: a loader asks the table only for
 * profiles changed since then. Anything else (version 1's gzipped JSON included) is not a snapshot to
 * this loader: it builds from the table instead.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PackedMatchData } from '../../shared/matching/packed-index.js';

export const SNAPSHOT_VERSION = 2;
const MAGIC = 'MIX2';

type Typed = Float64Array | Uint16Array | Uint8Array | Int32Array | Uint32Array;
const TYPES = { f64: Float64Array, u16: Uint16Array, u8: Uint8Array, i32: Int32Array, u32: Uint32Array } as const;
type TypeName = keyof typeof TYPES;
const SECTIONS = [
  ['updatedAt', 'f64'],
  ['muni', 'u16'],
  ['sme', 'u8'],
  ['capacity', 'u16'],
  ['codeStart', 'i32'],
  ['codeIds', 'i32'],
  ['termStart', 'i32'],
  ['postDocs', 'u32'],
  ['postTfs', 'u16'],
  ['lengths', 'u32'],
  ['cpvNodeDf', 'i32'],
] as const satisfies readonly (readonly [keyof PackedMatchData, TypeName])[];

interface Header {
  v: number;
  newest: string;
  orgNumbers: string[];
  names: string[];
  munis: string[];
  codes: string[];
  terms: string[];
  cpvNodes: string[];
  sections: [string, TypeName, number][];
}

const pad8 = (n: number) => (n + 7) & ~7;

/** Document ids as gaps within each term's postings (and back): sorted ids become small numbers. */
function gaps(docs: Uint32Array, termStart: Int32Array, encode: boolean): void {
  for (let t = 0; t + 1 < termStart.length; t++) {
    const from = termStart[t]!;
    const to = termStart[t + 1]!;
    if (encode) for (let k = to - 1; k > from; k--) docs[k]! -= docs[k - 1]!;
    else for (let k = from + 1; k < to; k++) docs[k]! += docs[k - 1]!;
  }
}

export function encodeSnapshot(d: PackedMatchData, newest: string): Uint8Array {
  const arrays: Typed[] = SECTIONS.map(([name]) => d[name]);
  const docs = d.postDocs.slice();
  gaps(docs, d.termStart, true);
  arrays[SECTIONS.findIndex(([name]) => name === 'postDocs')] = docs;
  const header: Header = {
    v: SNAPSHOT_VERSION,
    newest,
    orgNumbers: d.orgNumbers,
    names: d.names,
    munis: d.munis,
    codes: d.codes,
    terms: d.terms,
    cpvNodes: d.cpvNodes,
    sections: SECTIONS.map(([name, type], i) => [name, type, arrays[i]!.length]),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  let size = pad8(8 + json.length);
  const offsets = arrays.map((a) => {
    const at = size;
    size = pad8(size + a.byteLength);
    return at;
  });
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  arrays.forEach((a, i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offsets[i]!));
  return gzipSync(out, { level: 6 });
}

/** The packed index of a snapshot, or undefined when the bytes are not a version-2 snapshot. */
export function decodeSnapshot(bytes: Uint8Array): { newest: string; data: PackedMatchData } | undefined {
  let buf = gunzipSync(bytes);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) return undefined;
  // Typed-array views need aligned offsets; a decompressed buffer normally starts aligned, copy if not.
  if (buf.byteOffset % 8) buf = Buffer.from(new Uint8Array(buf));
  const length = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + length)) as Header;
  if (header.v !== SNAPSHOT_VERSION) return undefined;
  let at = pad8(8 + length);
  const sections: Record<string, Typed> = {};
  for (const [name, type, count] of header.sections) {
    const T = TYPES[type];
    sections[name] = new T(buf.buffer, buf.byteOffset + at, count);
    at = pad8(at + count * T.BYTES_PER_ELEMENT);
  }
  gaps(sections.postDocs as Uint32Array, sections.termStart as Int32Array, false);
  const { orgNumbers, names, munis, codes, terms, cpvNodes } = header;
  return { newest: header.newest, data: { ...(sections as unknown as PackedMatchData), orgNumbers, names, munis, codes, terms, cpvNodes } };
}
