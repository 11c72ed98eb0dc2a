import { bm25Weighted, type CorpusStats } from './bm25.js';
import { bestCpvEvidence, bestCpvEvidenceStrength, describeCpvEvidence, type CpvEvidence, type CpvStats } from './cpv-evidence.js';
import { callQuery, profileTerms, type WeightedQuery } from './analyze.js';
import { distanceKm, placeName } from './geo.js';
import { resolvePreferences, type MatchPreferences } from './preferences.js';
import { isMunicipalityCode } from '../domain/municipalities.js';
import { DOMAIN_LABELS, type Domain } from '../domain/vocabulary.js';

/** What matching needs of a call. */
export interface MatchCall {
  id: string;
  title: string;
  summary: string;
  description: string;
  cpvCodes: readonly string[];
  municipalityCode: string;
  /** The programme's domains the call names: their core words join the query, weakly. */
  domains?: readonly string[];
  /** Decides the default of the preferences below (see preferences.ts). */
  procedure?: string;
  /** Whether locality and SME count for this call, as a tie-breaker; defaults by procedure. */
  matchPreferences?: { locality?: boolean; sme?: boolean };
}

/** What matching needs of a company: its profile, tokenised once. */
export interface MatchCompany {
  orgNumber: string;
  name: string;
  cpvCodes: readonly string[];
  municipalityCode?: string;
  sme: boolean;
  capacity: number;
  /** Term → frequency in the profile document (capabilities, description, name). */
  tf: ReadonlyMap<string, number>;
  length: number;
}

/** The corpus a pair is scored against: text statistics and CPV rarity over the same companies. */
export type MatchStats = CorpusStats & CpvStats;

export type Signal = 'cpv' | 'text' | 'locality' | 'sme';

export interface Reason {
  signal: Signal;
  /** Points this signal adds; the score (0–100) is their sum. */
  points: number;
  text: { nb: string; en: string };
  /**
   * What a reader can check: each matched word (as the call spells it) or CPV code pair, with the points it
   * contributed (they sum to `points`, up to rounding) and, for a word the call did not use itself, the
   * related term or field it came through.
   */
  evidence?: { match: string; points: number; via?: string }[];
}

export interface PairScore {
  score: number;
  reasons: Reason[];
}

/**
 * Weights in points (sum 100). Text carries most: what the company says it does against what the call
 * asks for. CPV adds evidence scaled by specificity and rarity. Locality and SME are tie-breakers a
 * call can turn on: together at most 4 points, so they reorder companies only within a 4-point band
 * of relevance, never lift a weaker fit above a clearly better one.
 */
export const WEIGHTS: Record<Signal, number> = { cpv: 28, text: 68, locality: 3, sme: 1 };
/** Weighted BM25 at which text relevance counts half; beyond it returns diminish. */
export const TEXT_HALF = 5;

/** The call's text as one string (title twice). Kept for call-to-call similarity, which reads it. */
export const callQueryText = (c: Pick<MatchCall, 'title' | 'summary' | 'description'>) => `${c.title} ${c.title} ${c.summary} ${c.description}`;

/** The terms of a company profile (capabilities weighted above the description; see analyze.ts). */
export function companyDocumentTerms(p: { name?: string; description?: string; capabilities?: readonly string[] }): string[] {
  return profileTerms(p);
}

export interface Locality {
  strength: number;
  sameMunicipality: boolean;
  km?: number;
}

export function locality(callCode: string, companyCode: string | undefined): Locality | undefined {
  if (!companyCode) return undefined;
  if (callCode === companyCode) return { strength: 1, sameMunicipality: true };
  const km = distanceKm(callCode, companyCode);
  if (km === undefined || !isMunicipalityCode(companyCode)) return undefined;
  // Anywhere in Østfold counts; nearer counts more (the county is about 80 km across).
  return { strength: 0.6 * Math.max(0.2, 1 - km / 80), sameMunicipality: false, km };
}

const points = {
  cpv: (strength: number) => WEIGHTS.cpv * strength,
  text: (bm25: number) => (bm25 > 0 ? WEIGHTS.text * (bm25 / (bm25 + TEXT_HALF)) : 0),
  locality: (strength: number) => WEIGHTS.locality * strength,
  sme: (sme: boolean) => (sme ? WEIGHTS.sme : 0),
};

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The score of a pair from its signal strengths, rounded to hundredths of a point. Bulk ranking (which
 * gets BM25 from an inverted index) and the explained score both end here, so they always agree.
 * `loc` and `sme` must already be zero / false when the call does not use them.
 */
export function combineStrengths(cpv: number, bm25: number, loc: number, sme: boolean): number {
  return round(points.cpv(cpv) + points.text(bm25) + points.locality(loc) + points.sme(sme));
}

/** Locality strength as the call's preferences allow it (0 when off). */
export function localityFor(prefs: MatchPreferences, callCode: string, companyCode: string | undefined): number {
  return prefs.locality ? (locality(callCode, companyCode)?.strength ?? 0) : 0;
}

/**
 * The one scoring function, with its reasons: pure and deterministic, the same in Lambda and in the
 * browser. `query` = callQuery(call); pass it in to analyse a call once.
 */
export function scorePair(call: MatchCall, company: MatchCompany, stats: MatchStats, query: WeightedQuery = callQuery(call)): PairScore {
  const prefs = resolvePreferences(call);
  const cpv: CpvEvidence | undefined = bestCpvEvidence(call.cpvCodes, company.cpvCodes, stats);
  const text = bm25Weighted(query.weights, company.tf, company.length, stats);
  const loc = prefs.locality ? locality(call.municipalityCode, company.municipalityCode) : undefined;
  const sme = prefs.sme && company.sme;
  const score = combineStrengths(cpv?.strength ?? 0, text.score, loc?.strength ?? 0, sme);
  const reasons: Reason[] = [];
  if (cpv) {
    const p = points.cpv(cpv.strength);
    const pair = cpv.callCode === cpv.companyCode ? cpv.callCode : `${cpv.callCode} ~ ${cpv.companyCode}`;
    reasons.push({
      signal: 'cpv',
      points: p,
      text: { nb: describeCpvEvidence(cpv, p, stats.docCount, 'nb'), en: describeCpvEvidence(cpv, p, stats.docCount, 'en') },
      evidence: [{ match: pair, points: round(p) }],
    });
  }
  if (text.score > 0) {
    const total = points.text(text.score);
    const share = (part: number) => (total * part) / text.score;
    const named = text.terms.slice(0, 6);
    const word = (t: string, lang: 'nb' | 'en') => {
      const form = query.surface.get(t) ?? t;
      const via = query.via.get(t);
      if (!via) return form;
      if (via.startsWith('domain:')) {
        const label = DOMAIN_LABELS[via.slice(7) as Domain]?.[lang] ?? via.slice(7);
        return `${form} (${lang === 'nb' ? 'fagområdet' : 'the field'} ${label})`;
      }
      return `${form} (${lang === 'nb' ? 'beslektet med' : 'related to'} ${via})`;
    };
    const list = (lang: 'nb' | 'en') => named.map((t) => `${word(t.term, lang)} ${share(t.part).toFixed(1)}`).join(', ');
    const rest = text.terms.slice(6);
    const restPoints = rest.reduce((s, t) => s + share(t.part), 0);
    const more = (lang: 'nb' | 'en') =>
      rest.length ? (lang === 'nb' ? `; ${rest.length} andre ord ${restPoints.toFixed(1)}` : `; ${rest.length} other words ${restPoints.toFixed(1)}`) : '';
    reasons.push({
      signal: 'text',
      points: total,
      text: { nb: `Felles ord (poeng): ${list('nb')}${more('nb')}`, en: `Shared terms (points): ${list('en')}${more('en')}` },
      evidence: text.terms.map((t) => {
        const via = query.via.get(t.term);
        return { match: query.surface.get(t.term) ?? t.term, points: round(share(t.part)), ...(via ? { via } : {}) };
      }),
    });
  }
  if (loc) {
    const place = placeName(company.municipalityCode);
    const tie = {
      nb: ' (nærhet brukt som utslagsgivende ved lik relevans, valgt for utlysningen)',
      en: ' (proximity used as a tie-breaker, chosen for this call)',
    };
    reasons.push({
      signal: 'locality',
      points: points.locality(loc.strength),
      text: loc.sameMunicipality
        ? { nb: `Holder til i ${place}, samme kommune${tie.nb}`, en: `Based in ${place}, the same municipality${tie.en}` }
        : { nb: `Holder til i ${place}, ${loc.km} km unna${tie.nb}`, en: `Based in ${place}, ${loc.km} km away${tie.en}` },
    });
  }
  if (sme) {
    reasons.push({
      signal: 'sme',
      points: points.sme(true),
      text: {
        nb: 'Liten eller mellomstor bedrift (SMB-preferanse valgt for utlysningen, brukt som utslagsgivende ved lik relevans)',
        en: 'Small or medium-sized enterprise (SME preference chosen for this call, used as a tie-breaker)',
      },
    });
  }
  return {
    score,
    reasons: reasons.map((r) => ({ ...r, points: round(r.points) })).sort((a, b) => b.points - a.points),
  };
}

/**
 * `scorePair(…).score` without the reasons: the same signals through the same `combineStrengths`, so the
 * same number. For ranking many calls for one company, where only the best few need their reasons.
 */
export function pairScore(call: MatchCall, company: MatchCompany, stats: MatchStats, query: WeightedQuery = callQuery(call)): number {
  const prefs = resolvePreferences(call);
  return combineStrengths(
    bestCpvEvidenceStrength(call.cpvCodes, company.cpvCodes, stats),
    bm25Weighted(query.weights, company.tf, company.length, stats).score,
    localityFor(prefs, call.municipalityCode, company.municipalityCode),
    prefs.sme && company.sme,
  );
}

/** The score a company gets from a call without CPV evidence or a shared word: the tie-breakers only. */
export const baselineScore = (
  call: Pick<MatchCall, 'municipalityCode' | 'procedure' | 'matchPreferences'>,
  company: Pick<MatchCompany, 'municipalityCode' | 'sme'>,
) => {
  const prefs = resolvePreferences(call);
  return combineStrengths(0, 0, localityFor(prefs, call.municipalityCode, company.municipalityCode), prefs.sme && company.sme);
};
