/**
 * CPV evidence weighted by what it tells. Two codes are evidence of fit when
 *
 * - they are the same code, or one covers the other (the company's 90500000 covers the call's
 *   90511000): the shared node is the broader code;
 * - or they are siblings in a class declared coherent below (one market, e.g. 4818 medical software):
 *   the shared node is the class, at half strength. Siblings elsewhere (72212000 vs 72220000, or
 *   hydrology 71351920 vs map-making 71354000 in class 7135) name different markets and give nothing.
 *
 * The strength is then scaled by the rarity of the shared node over the company population: BM25's
 * IDF of «holds a code at or below this node», divided by the IDF of a node only one company holds.
 * A code hundreds of companies carry (72212000, 72000000) says little; a precise shared code says much.
 */
import { cpvLabel, cpvSignificantDigits } from '../domain/cpv.js';

export interface CpvStats {
  /** Companies in the population. */
  docCount: number;
  /** Companies holding at least one code at or below the node with these significant digits ("9051"). */
  cpvDf(node: string): number;
}

export type CpvEvidenceLevel = 'code' | 'covers' | 'class';

export interface CpvEvidence {
  level: CpvEvidenceLevel;
  callCode: string;
  companyCode: string;
  /** Significant digits of the shared node. */
  node: string;
  df: number;
  /** Level factor × rarity, in [0, 1]. */
  strength: number;
}

/**
 * A call's first code is its main code (as in a procurement notice); the others are additional codes
 * and count at this share: a generic code added last («72212000» on a furniture-reuse call) says less
 * about the need than the code the buyer put first.
 */
export const ADDITIONAL_CODE = 0.75;

/** Strength of evidence by level, before rarity. */
export const LEVEL_FACTOR: Record<CpvEvidenceLevel, number> = { code: 1, covers: 0.8, class: 0.5 };

/**
 * Classes (four digits) whose codes name one market, so a sibling code is a related skill. Declared by
 * hand per division; a class not listed gives no sibling credit. Each with its reason.
 */
export const COHERENT_CLASSES: Readonly<Record<string, string>> = {
  '3152': 'lighting equipment: street lights and lamps are one market',
  '3841': 'meters: water, gas and electricity meters are supplied by the same firms',
  '3842': 'flow and level measuring instruments',
  '3843': 'detection and analysis apparatus (gas, smoke, air)',
  '4818': 'medical software packages',
  '4819': 'educational software packages',
  '9051': 'refuse disposal and treatment',
  '9052': 'hazardous and radioactive waste services',
  '9071': 'environmental management and impact assessment',
  '9072': 'environmental protection',
  '9073': 'pollution tracking and monitoring',
  '8531': 'social work services',
  '8532': 'social services',
  '3519': 'alarm and warning systems (within security equipment)',
  '3512': 'surveillance and security systems',
  '0933': 'solar energy',
  '0932': 'steam, hot water and district heating',
  '3115': 'charging and power supply equipment',
  '6011': 'public road transport',
  '3443': 'bicycles',
  '8042': 'e-learning',
};

/** Rarity is squared: a code a twentieth of the market holds keeps about a third of its weight, not half. */
export const RARITY_POWER = 2;

/** (IDF of a node held by `df` of `n` companies, relative to a node held by one)^RARITY_POWER: in (0, 1]. */
export function rarity(df: number, n: number): number {
  if (n <= 0 || df <= 0) return 0;
  const idf = (k: number) => Math.log(1 + (n - k + 0.5) / (k + 0.5));
  const top = idf(1);
  return top > 0 ? Math.min(1, Math.max(0, idf(df) / top)) ** RARITY_POWER : 0;
}

const sig = (code: string) => code.slice(0, Math.max(2, cpvSignificantDigits(code)));

/** The evidence one pair of codes gives (without rarity: strength is the level factor), if any. */
export function cpvPairEvidence(callCode: string, companyCode: string): (Omit<CpvEvidence, 'df' | 'strength'> & { factor: number }) | undefined {
  const a = sig(callCode);
  const b = sig(companyCode);
  if (a === b) return { level: 'code', callCode, companyCode, node: a, factor: LEVEL_FACTOR.code };
  // One covers the other: the broader one is the node. A division code alone covers too much to count.
  if (b.length < a.length && a.startsWith(b) && b.length >= 3) return { level: 'covers', callCode, companyCode, node: b, factor: LEVEL_FACTOR.covers };
  if (a.length < b.length && b.startsWith(a) && a.length >= 3) return { level: 'covers', callCode, companyCode, node: a, factor: LEVEL_FACTOR.covers };
  const cls = a.slice(0, 4);
  if (a.length > 4 && b.length > 4 && b.startsWith(cls) && COHERENT_CLASSES[cls])
    return { level: 'class', callCode, companyCode, node: cls, factor: LEVEL_FACTOR.class };
  return undefined;
}

/** The strongest evidence between any of the call's codes and any of the company's. */
export function bestCpvEvidence(callCodes: readonly string[], companyCodes: readonly string[], stats: CpvStats): CpvEvidence | undefined {
  let best: CpvEvidence | undefined;
  for (let k = 0; k < callCodes.length; k++) {
    const a = callCodes[k]!;
    for (const b of companyCodes) {
      if (a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(1) !== b.charCodeAt(1)) continue;
      const e = cpvPairEvidence(a, b);
      if (!e) continue;
      const df = stats.cpvDf(e.node);
      const strength = e.factor * rarity(df, stats.docCount) * (k === 0 ? 1 : ADDITIONAL_CODE);
      if (!best || strength > best.strength) best = { level: e.level, callCode: a, companyCode: b, node: e.node, df, strength };
    }
  }
  return best && best.strength > 0 ? best : undefined;
}

/** Just the strength (0 for none): the path bulk ranking uses. */
export function bestCpvEvidenceStrength(callCodes: readonly string[], companyCodes: readonly string[], stats: CpvStats): number {
  return bestCpvEvidence(callCodes, companyCodes, stats)?.strength ?? 0;
}

/** Significant-digit nodes of a company's codes, each once: what `cpvDf` counts. */
export function cpvNodes(codes: readonly string[]): Set<string> {
  const nodes = new Set<string>();
  for (const c of codes) {
    const s = sig(c);
    for (let k = 2; k <= s.length; k++) nodes.add(s.slice(0, k));
  }
  return nodes;
}

export function describeCpvEvidence(e: CpvEvidence, points: number, companies: number, lang: 'nb' | 'en'): string {
  const label = cpvLabel(e.node.padEnd(8, '0'), lang);
  const what = label ? ` (${label})` : '';
  const p = points.toFixed(1);
  if (lang === 'nb') {
    const how =
      e.level === 'code'
        ? 'samme kode som i utlysningen'
        : e.level === 'covers'
          ? `dekker utlysningens ${e.callCode}`
          : `samme klasse ${e.node} som utlysningens ${e.callCode}`;
    return `CPV ${e.companyCode} ${how}${what}: ${p} poeng, ${e.df} av ${companies} bedrifter har koden`;
  }
  const how =
    e.level === 'code'
      ? "is the call's own code"
      : e.level === 'covers'
        ? `covers the call's ${e.callCode}`
        : `is in the same class ${e.node} as the call's ${e.callCode}`;
  return `CPV ${e.companyCode} ${how}${what}: ${p} points, ${e.df} of ${companies} companies hold it`;
}
