/**
 * The official CPV 2008 list (shared/data/cpv-2008.json, derived by scripts/build-cpv-list.ts from DFØ's
 * eforms-sdk-nor code list; «CPV-koder og norske betegnelser: DFØ, eforms-sdk-nor, CC BY 4.0»).
 *
 * Server only: the list is ~680 KB. The web reads labels through the API (`cpvLabels` on calls and
 * profiles, GET /api/cpv) and imports shapes from cpv-code.ts.
 */
import { CPV_ATTRIBUTION_TEXT, readCpvRows } from '../data/cpv-list.js';
import { cpvSignificantDigits, parseCpvInput } from './cpv-code.js';

export * from './cpv-code.js';

type Lang = 'nb' | 'en';
interface Entry {
  nb: string;
  en: string;
}

export const CPV_ATTRIBUTION = CPV_ATTRIBUTION_TEXT;

// Built on first use (see cpv-list.ts): importing this module costs next to nothing.
let list: Map<string, Entry> | undefined;
let codes: string[] | undefined;
const listed = (): Map<string, Entry> => (list ??= new Map(readCpvRows().map(([code, nb, en]) => [code, { nb, en }])));
const allCodes = (): string[] => (codes ??= [...listed().keys()]); // ascending, as the source lists them

export const cpvCodeCount = () => listed().size;

/** Exactly a code of the official list (8 digits, no check digit). */
export function isOfficialCpv(code: string): boolean {
  return listed().has(code);
}
/** @deprecated name kept for callers: a code is well formed when the official list has it. */
export const isWellFormedCpv = isOfficialCpv;

/** The code's own official label (after the reviewed overrides), or undefined for a code not in the list. */
export function cpvLabel(code: string, lang: Lang = 'nb'): string | undefined {
  return listed().get(code)?.[lang];
}

/** Labels of the given codes in one language, for API responses (`cpvLabels`). */
export function cpvLabels(codes: readonly string[], lang: Lang = 'nb'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of codes) {
    const label = cpvLabel(c, lang);
    if (label) out[c] = label;
  }
  return out;
}

/** Official labels of the listed codes in both languages: the `cpvLabels` of API responses. */
export function cpvLabelPairs(codes: readonly string[]): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  for (const c of codes) {
    const e = listed().get(c);
    if (e) out[c] = { nb: e.nb, en: e.en };
  }
  return out;
}

/** The nearest listed ancestor: zero the last significant digit until the list has the code. */
export function cpvParent(code: string): string | undefined {
  let n = cpvSignificantDigits(code);
  while (n > 2) {
    n--;
    const candidate = code.slice(0, n).padEnd(8, '0');
    if (candidate !== code && listed().has(candidate)) return candidate;
  }
  return undefined;
}

/** Division first, the code's parent last. */
export function cpvAncestors(code: string): string[] {
  const out: string[] = [];
  for (let p = cpvParent(code); p; p = cpvParent(p)) out.unshift(p);
  return out;
}

/**
 * Listed codes nearest to an unlisted one: its nearest listed ancestor first, then the listed codes that
 * share the longest prefix with it, numerically closest first.
 */
export function nearestCpvCodes(input: string, n = 3): string[] {
  const code = parseCpvInput(input) ?? input.replace(/\D/g, '').slice(0, 8).padEnd(8, '0');
  if (listed().has(code)) return [code];
  const out: string[] = [];
  for (let k = 7; k >= 2 && out.length === 0; k--) {
    const a = code.slice(0, k).padEnd(8, '0');
    if (listed().has(a)) out.push(a);
  }
  let prefix = 8;
  let pool: string[] = [];
  while (prefix > 0 && pool.length === 0) {
    prefix--;
    const p = code.slice(0, prefix);
    pool = allCodes().filter((c) => c.startsWith(p));
  }
  const target = Number(code);
  pool.sort((a, b) => Math.abs(Number(a) - target) - Math.abs(Number(b) - target) || a.localeCompare(b));
  for (const c of pool) {
    if (out.length >= n) break;
    if (!out.includes(c)) out.push(c);
  }
  return out.slice(0, n);
}

export interface CpvSearchHit {
  code: string;
  label: string;
  /** Significant digits: 2 division, 3 group, 4 class, 5 category, 6–8 finer. */
  depth: number;
  /** Listed ancestors, division first. */
  path: { code: string; label: string }[];
}

const fold = (s: string) => s.toLocaleLowerCase('nb');
/** Lower-cased labels, built on the first word search. */
let folded: Map<string, Entry> | undefined;

/**
 * Search by code prefix (`722`, `72212000-4`) or by words (every word must occur in the label, in the
 * asked language or, ranked lower, in the other). Prefix results come in list order, so the hierarchy reads
 * top-down; word results rank whole-label and word-start matches first, general codes before specific ones.
 */
export function searchCpv(q: string, lang: Lang = 'nb', limit = 20): CpvSearchHit[] {
  const query = q.trim();
  const other: Lang = lang === 'nb' ? 'en' : 'nb';
  let codes: string[];
  const digits = /^\d{1,8}(?:-\d)?$/.test(query) ? query.slice(0, 8) : undefined;
  if (!query) {
    codes = allCodes()
      .filter((c) => cpvSignificantDigits(c) === 2)
      .slice(0, limit);
  } else if (digits) {
    codes = allCodes()
      .filter((c) => c.startsWith(digits))
      .slice(0, limit);
  } else {
    const words = fold(query)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (words.length === 0) return [];
    folded ??= new Map([...listed()].map(([c, e]) => [c, { nb: fold(e.nb), en: fold(e.en) }]));
    const scored: { code: string; score: number }[] = [];
    const q = fold(query);
    const starts = words.map((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u'));
    for (const code of allCodes()) {
      const e = folded.get(code)!;
      const s = Math.max(scoreLabel(e[lang], q, words, starts), scoreLabel(e[other], q, words, starts) - 40);
      if (s > 0) scored.push({ code, score: s - cpvSignificantDigits(code) });
    }
    scored.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
    codes = scored.slice(0, limit).map((s) => s.code);
  }
  return codes.map((code) => ({
    code,
    label: listed().get(code)![lang],
    depth: cpvSignificantDigits(code),
    path: cpvAncestors(code).map((a) => ({ code: a, label: listed().get(a)![lang] })),
  }));
}

function scoreLabel(label: string, query: string, words: string[], wordStarts: RegExp[]): number {
  if (!words.every((w) => label.includes(w))) return 0;
  if (label === query) return 100;
  let score = label.startsWith(query) ? 70 : 50;
  for (const re of wordStarts) if (re.test(label)) score += 5;
  return score;
}
