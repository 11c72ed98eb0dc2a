import { bestCpvOverlap, describeCpvOverlap, type CpvOverlap } from './cpv-overlap.js';
import { bm25Pair, type CorpusStats } from './bm25.js';
import { distanceKm, placeName } from './geo.js';
import { isMunicipalityCode } from '../domain/municipalities.js';
import { surfaceForms, tokenize } from './tokenize.js';

/** What matching needs of a call. */
export interface MatchCall {
  id: string;
  title: string;
  summary: string;
  description: string;
  cpvCodes: readonly string[];
  municipalityCode: string;
}

/** What matching needs of a company: its profile, tokenised once. */
export interface MatchCompany {
  orgNumber: string;
  name: string;
  cpvCodes: readonly string[];
  municipalityCode?: string;
  sme: boolean;
  capacity: number;
  /** Term → frequency in description + capabilities. */
  tf: ReadonlyMap<string, number>;
  length: number;
}

export type Signal = 'cpv' | 'text' | 'locality' | 'sme';

export interface Reason {
  signal: Signal;
  /** Points this signal adds; the score (0–100) is their sum. */
  points: number;
  text: { nb: string; en: string };
}

export interface PairScore {
  score: number;
  reasons: Reason[];
}

/**
 * Weights in points (sum 100). CPV and text carry most: together they say "does what the call asks
 * for". Locality matters for pilots run on site; SME is the programme's stated priority.
 */
export const WEIGHTS: Record<Signal, number> = { cpv: 40, text: 42, locality: 12, sme: 6 };
/** BM25 at which text relevance counts half; beyond it returns diminish. */
export const TEXT_HALF = 5;

/** The title counts twice: it is what the municipality chose to say first. */
export const callQueryText = (c: Pick<MatchCall, 'title' | 'summary' | 'description'>) =>
  `${c.title} ${c.title} ${c.summary} ${c.description}`;

/** Capabilities count twice: they are the company's own tags for what it does. */
export function companyDocumentTerms(p: { description?: string; capabilities?: readonly string[] }): string[] {
  const caps = (p.capabilities ?? []).join(' ');
  return tokenize(`${p.description ?? ''} ${caps} ${caps}`);
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
 */
export function combineStrengths(cpv: number, bm25: number, loc: number, sme: boolean): number {
  return round(points.cpv(cpv) + points.text(bm25) + points.locality(loc) + points.sme(sme));
}

export function combine(cpv: CpvOverlap | undefined, bm25: number, loc: Locality | undefined, sme: boolean): number {
  return combineStrengths(cpv?.strength ?? 0, bm25, loc?.strength ?? 0, sme);
}

/**
 * The one scoring function, with its reasons: pure and deterministic, the same in Lambda and in the
 * browser. `queryTerms` = tokenize(callQueryText(call)); pass them in to tokenise a call once.
 */
export function scorePair(call: MatchCall, company: MatchCompany, stats: CorpusStats, queryTerms = tokenize(callQueryText(call))): PairScore {
  const cpv = bestCpvOverlap(call.cpvCodes, company.cpvCodes);
  const text = bm25Pair(queryTerms, company.tf, company.length, stats);
  const loc = locality(call.municipalityCode, company.municipalityCode);
  const reasons: Reason[] = [];
  if (cpv) reasons.push({ signal: 'cpv', points: points.cpv(cpv.strength), text: { nb: describeCpvOverlap(cpv, 'nb'), en: describeCpvOverlap(cpv, 'en') } });
  if (text.score > 0) {
    const forms = surfaceForms(callQueryText(call));
    const shared = text.terms.slice(0, 5).map((t) => forms.get(t.term) ?? t.term).join(', ');
    reasons.push({ signal: 'text', points: points.text(text.score), text: { nb: `Felles ord: ${shared}`, en: `Shared terms: ${shared}` } });
  }
  if (loc) {
    const place = placeName(company.municipalityCode);
    reasons.push({
      signal: 'locality',
      points: points.locality(loc.strength),
      text: loc.sameMunicipality
        ? { nb: `Holder til i ${place}, samme kommune`, en: `Based in ${place}, the same municipality` }
        : { nb: `Holder til i ${place}, ${loc.km} km unna`, en: `Based in ${place}, ${loc.km} km away` },
    });
  }
  if (company.sme) {
    reasons.push({ signal: 'sme', points: points.sme(true), text: { nb: 'Liten eller mellomstor bedrift (prioritert i programmet)', en: 'Small or medium-sized enterprise (a programme priority)' } });
  }
  return {
    score: combine(cpv, text.score, loc, company.sme),
    reasons: reasons.map((r) => ({ ...r, points: round(r.points) })).sort((a, b) => b.points - a.points),
  };
}

/** The best score a company can get from a call without sharing a CPV area or a word with it. */
export const baselineScore = (call: Pick<MatchCall, 'municipalityCode'>, company: Pick<MatchCompany, 'municipalityCode' | 'sme'>) =>
  combine(undefined, 0, locality(call.municipalityCode, company.municipalityCode), company.sme);
