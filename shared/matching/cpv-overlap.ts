import { cpvLabel, cpvSignificantDigits } from '../domain/cpv.js';

export type CpvLevel = 'code' | 'class' | 'group' | 'division';

export interface CpvOverlap {
  level: CpvLevel;
  /** 1 for the same code, then 0.75, 0.5, 0.25 as the shared ancestor gets broader. */
  strength: number;
  callCode: string;
  companyCode: string;
  /** The shared prefix: "722" for group 722. */
  shared: string;
}

const LEVELS: { digits: number; level: CpvLevel; strength: number }[] = [
  { digits: 4, level: 'class', strength: 0.75 },
  { digits: 3, level: 'group', strength: 0.5 },
  { digits: 2, level: 'division', strength: 0.25 },
];

/**
 * How close two CPV codes are in the hierarchy, read from their trailing-zero structure: a code's
 * significant digits are what is left after the trailing zeros (72000000 is division 72; 72212000 is
 * category 72212). Two codes are "the same" when one's significant digits are the other's exactly.
 */
export function cpvPairOverlap(callCode: string, companyCode: string): CpvOverlap | undefined {
  let common = 0;
  while (common < 8 && callCode[common] === companyCode[common]) common++;
  const sigA = cpvSignificantDigits(callCode);
  const sigB = cpvSignificantDigits(companyCode);
  if (common >= Math.max(sigA, sigB)) return { level: 'code', strength: 1, callCode, companyCode, shared: callCode };
  // A broad code on one side covers everything below it, but only as far as it is specific.
  const depth = Math.min(common, sigA, sigB);
  for (const l of LEVELS) {
    if (depth >= l.digits) return { level: l.level, strength: l.strength, callCode, companyCode, shared: callCode.slice(0, l.digits) };
  }
  return undefined;
}

/** Just the strength of the best overlap (0 for none): the allocation-free path used in bulk ranking. */
export function bestCpvStrength(callCodes: readonly string[], companyCodes: readonly string[]): number {
  let best = 0;
  for (const a of callCodes) {
    for (const b of companyCodes) {
      if (a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(1) !== b.charCodeAt(1)) continue;
      const s = cpvPairOverlap(a, b)?.strength ?? 0;
      if (s > best) best = s;
    }
  }
  return best;
}

/** The strongest overlap between any of the call's codes and any of the company's. */
export function bestCpvOverlap(callCodes: readonly string[], companyCodes: readonly string[]): CpvOverlap | undefined {
  let best: CpvOverlap | undefined;
  for (const a of callCodes) {
    for (const b of companyCodes) {
      const o = cpvPairOverlap(a, b);
      if (o && (!best || o.strength > best.strength)) best = o;
    }
  }
  return best;
}

export function describeCpvOverlap(o: CpvOverlap, lang: 'nb' | 'en'): string {
  const label = cpvLabel(o.shared.padEnd(8, '0'), lang);
  const what = label ? ` (${label})` : '';
  if (lang === 'nb') {
    const level = { code: 'samme kode', class: 'klasse', group: 'gruppe', division: 'avdeling' }[o.level];
    return o.level === 'code'
      ? `CPV ${o.companyCode} er samme kode som i utlysningen${what}`
      : `CPV ${o.companyCode} deler ${level} ${o.shared} med utlysningen${what}`;
  }
  return o.level === 'code' ? `CPV ${o.companyCode} is the call's own code${what}` : `CPV ${o.companyCode} shares ${o.level} ${o.shared} with the call${what}`;
}
