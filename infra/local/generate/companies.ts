/**
 * Deterministic generator of realistic (fictional) Norwegian company profiles for demo data and benchmarks.
 * Same `(count, seed)` always gives the same companies; no Math.random, no clock.
 */
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { withCheckDigit } from '../../../shared/domain/org-number.js';
import { DOMAINS, type Domain } from '../../../shared/domain/vocabulary.js';
import vocabulary from './domain-vocabulary.json' with { type: 'json' };

export interface GeneratedCompany {
  orgNumber: string;
  name: string;
  description: string;
  capabilities: string[];
  cpvCodes: string[];
  municipalityCode?: string;
  sme: boolean;
  capacity: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

export type Rng = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** `n` distinct items (or all of them when there are fewer), in random order. */
export function pickDistinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) {
    const i = Math.floor(rng() * pool.length);
    out.push(pool[i]!);
    pool[i] = pool[pool.length - 1]!;
    pool.pop();
  }
  return out;
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

// ---------------------------------------------------------------------------------------------
// Places

/** Rough population weights, so Fredrikstad and Sarpsborg get more companies than Aremark. */
const MUNICIPALITY_WEIGHTS: Record<string, number> = {
  '3101': 31,
  '3103': 51,
  '3105': 59,
  '3107': 85,
  '3110': 5,
  '3112': 8,
  '3114': 6,
  '3116': 4,
  '3118': 46,
  '3120': 8,
  '3122': 4,
  '3124': 2,
};
const WEIGHTED_MUNICIPALITIES: string[] = MUNICIPALITIES.flatMap((m) => Array.from({ length: MUNICIPALITY_WEIGHTS[m.code] ?? 1 }, () => m.code));

export function pickMunicipalityCode(rng: Rng): string {
  return pick(rng, WEIGHTED_MUNICIPALITIES);
}

/** Place names used in company names and descriptions, by municipality. */
const LOCAL_PLACES: Record<string, string[]> = {
  '3101': ['Halden', 'Tistedal', 'Idd'],
  '3103': ['Moss', 'Jeløy', 'Rygge'],
  '3105': ['Sarpsborg', 'Tune', 'Borg', 'Greåker'],
  '3107': ['Fredrikstad', 'Onsøy', 'Kråkerøy', 'Gamlebyen'],
  '3110': ['Hvaler', 'Skjærhalden'],
  '3112': ['Råde', 'Karlshus'],
  '3114': ['Våler', 'Kirkebygden'],
  '3116': ['Skiptvet'],
  '3118': ['Mysen', 'Askim', 'Spydeberg', 'Eidsberg'],
  '3120': ['Rakkestad'],
  '3122': ['Ørje', 'Marker'],
  '3124': ['Aremark'],
};
const REGION_NAMES = ['Østfold', 'Smaalenene', 'Glomma', 'Nedre Glomma', 'Viken', 'Øst'];
const OUTSIDE_CITIES = [
  'Oslo',
  'Bergen',
  'Trondheim',
  'Stavanger',
  'Drammen',
  'Lillestrøm',
  'Tønsberg',
  'Hamar',
  'Kristiansand',
  'Tromsø',
  'Ski',
  'Asker',
  'Porsgrunn',
  'Gjøvik',
];

const NAME_PREFIXES = [
  'Fjord',
  'Skog',
  'Berg',
  'Sol',
  'Vind',
  'Kyst',
  'Elve',
  'Furu',
  'Lyng',
  'Nord',
  'Øst',
  'Sør',
  'Bølge',
  'Stein',
  'Havn',
  'Blå',
  'Grønn',
  'Eik',
  'Bjørke',
  'Ask',
];
const NAME_SUFFIXES = ['lys', 'kraft', 'vik', 'dal', 'li', 'haug', 'sund', 'bru', 'nes', 'vang', 'mo', 'tind', 'strand', 'holm', 'ås', 'stad'];
const SURNAMES = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Berg',
  'Haugen',
  'Hagen',
  'Eriksen',
  'Bakke',
  'Moen',
  'Strand',
  'Lund',
  'Dahl',
  'Solberg',
  'Halvorsen',
  'Aas',
  'Lie',
  'Sørensen',
  'Jacobsen',
  'Iversen',
  'Amundsen',
  'Myhre',
  'Holm',
  'Ødegård',
  'Berntsen',
  'Thorsen',
  'Skaug',
  'Vik',
  'Engen',
  'Lunde',
];

// ---------------------------------------------------------------------------------------------
// Per-domain vocabularies (bokmål)

export interface DomainVocabulary {
  /** Words that end a company name: "Halden Energi AS". */
  sectorWords: string[];
  capabilities: string[];
  /** Whole sentences, combined 2–4 at a time into descriptions. */
  fragments: string[];
  /** Plausible CPV codes: specific categories first, broad group/division codes last. */
  cpvSpecific: string[];
  cpvBroad: string[];
}

/** Per domain, hand-laid in domain-vocabulary.json (data, not code). */
export const DOMAIN_VOCABULARY: Record<Domain, DomainVocabulary> = vocabulary;

/** Sentences about the company itself, with {place}, {region}, {n} and {year} filled in. */
const GENERIC_FRAGMENTS = [
  'Vi holder til i {place} og har kunder i hele {region}.',
  'Selskapet har {n} ansatte og ble etablert i {year}.',
  'Siden {year} har vi levert til både private og offentlige kunder.',
  'Vi er et lite team med {n} ansatte og korte beslutningsveier.',
  'Hovedkontoret ligger i {place}.',
  'Vi deltar gjerne i konsortier med andre leverandører.',
  'Vi har rammeavtaler med flere kommuner.',
  'Selskapet er eid av de ansatte.',
];

const LARGE_COMPANY_FRAGMENTS = GENERIC_FRAGMENTS.filter((f) => !f.includes('lite team'));

const GENERALIST_FRAGMENTS = [
  'Vi er et tverrfaglig selskap som tar oppdrag fra forstudie til ferdig leveranse.',
  'Som generalister dekker vi mange fagområder og setter sammen team etter behov.',
  'Vi har et bredt fagmiljø og lang erfaring med store offentlige prosjekter.',
];

/** Domains that often meet in one company, used to pick a secondary domain. */
export const RELATED_DOMAINS: Record<Domain, Domain[]> = {
  mobility: ['energy', 'digital-services', 'safety'],
  energy: ['buildings-planning', 'mobility', 'environment'],
  environment: ['water-waste', 'digital-services', 'safety'],
  'health-welfare': ['digital-services', 'education'],
  education: ['digital-services', 'health-welfare'],
  'digital-services': ['business-development', 'health-welfare', 'education', 'mobility'],
  'water-waste': ['environment', 'buildings-planning', 'safety'],
  'buildings-planning': ['energy', 'water-waste', 'digital-services'],
  safety: ['digital-services', 'environment', 'water-waste'],
  'business-development': ['digital-services', 'environment'],
};

// ---------------------------------------------------------------------------------------------
// Company generation

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

function makeName(rng: Rng, domain: Domain, place: string, taken: Set<string>): string {
  const sector = pick(rng, DOMAIN_VOCABULARY[domain].sectorWords);
  for (let attempt = 0; attempt < 6; attempt++) {
    const r = rng();
    let name: string;
    if (r < 0.3) name = `${place} ${sector} AS`;
    else if (r < 0.6) name = `${pick(rng, NAME_PREFIXES)}${pick(rng, NAME_SUFFIXES)} ${sector} AS`;
    else if (r < 0.8) name = `${pick(rng, SURNAMES)} ${sector} AS`;
    else if (r < 0.9) name = `${sector} ${pick(rng, REGION_NAMES)} AS`;
    else name = `${pick(rng, SURNAMES)} & ${pick(rng, SURNAMES)} ${sector} AS`;
    if (!taken.has(name)) return name;
  }
  // Fallback that is unique for all practical purposes: compound word + surname + sector.
  for (;;) {
    const name = `${pick(rng, NAME_PREFIXES)}${pick(rng, NAME_SUFFIXES)} ${pick(rng, SURNAMES)} ${sector} AS`;
    if (!taken.has(name)) return name;
  }
}

/** Evidently fictional towns (from Norwegian children's books and films, or plainly made up). */
const FICTIONAL_PLACES = [
  'Andeby',
  'Flåklypa',
  'Kardemomme',
  'Lilleputt',
  'Tusseby',
  'Fantasia',
  'Eventyrlund',
  'Dukkeby',
  'Sommerfuglvik',
  'Trollstua',
  'Huttiheita',
  'Demoby',
];
const REAL_PLACES = [...Object.values(LOCAL_PLACES).flat(), ...REGION_NAMES, ...OUTSIDE_CITIES].sort((a, b) => b.length - a.length);

/**
 * The name a generated company is shown with: real place names give way to fictional towns and «AS» to
 * «(demo)», so no name can be taken for a real firm's. Drawn after the generator's own name (which keeps the
 * random sequence, so descriptions, tags and codes stay exactly as before); unique among `taken`.
 */
export function demoName(generated: string, taken: Set<string>): string {
  let base = generated.replace(/ AS$/, '');
  REAL_PLACES.forEach((place) => {
    const i = [...place].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % FICTIONAL_PLACES.length;
    base = base.replace(new RegExp(`(^|\\s)${place}(?=\\s|$)`, 'u'), `$1${FICTIONAL_PLACES[i]}`);
  });
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : ` ${n}`} (demo)`;
    if (!taken.has(name)) return name;
  }
}

/** Draws 1–4 distinct CPV codes, mostly specific ones, sometimes a broad group/division code. */
function drawCpv(rng: Rng, vocab: DomainVocabulary, n: number, broadChance: number): string[] {
  const codes = pickDistinct(rng, vocab.cpvSpecific, n);
  if (rng() < broadChance) {
    const broad = pick(rng, vocab.cpvBroad);
    if (!codes.includes(broad)) {
      if (codes.length >= n) codes[codes.length - 1] = broad;
      else codes.push(broad);
    }
  }
  return codes;
}

/**
 * Demo organisation numbers from base 21000000 upwards, skipping bases with no valid check digit. Real
 * organisasjonsnummer begin with 8 or 9, so these (beginning with 2) can belong to no real entity.
 * infra/local/demo-renumbering.json maps the numbers used before (from 91000000) to these.
 */
function* orgNumbers(start = 21_000_000): Generator<string> {
  for (let n = start; n <= 79_999_999; n++) {
    const org = withCheckDigit(String(n));
    if (org) yield org;
  }
  throw new Error('ran out of organisation numbers');
}

export function generateCompanies(count: number, seed: number): GeneratedCompany[] {
  const rng = mulberry32(seed);
  const orgs = orgNumbers();
  const takenNames = new Set<string>();
  const shownNames = new Set<string>();
  const companies: GeneratedCompany[] = [];

  for (let i = 0; i < count; i++) {
    const primary = pick(rng, DOMAINS);
    const vocab = DOMAIN_VOCABULARY[primary];
    const kindRoll = rng();
    const generalist = kindRoll < 0.05;
    const crossDomain = !generalist && kindRoll < 0.22;
    const secondary = generalist || crossDomain ? pick(rng, RELATED_DOMAINS[primary]) : undefined;

    const local = rng() < 0.75;
    const municipalityCode = local ? pickMunicipalityCode(rng) : undefined;
    const place = municipalityCode ? pick(rng, LOCAL_PLACES[municipalityCode] ?? ['Østfold']) : pick(rng, OUTSIDE_CITIES);

    const sme = generalist ? rng() < 0.4 : rng() < 0.87;
    const capRoll = rng();
    const capacity = sme ? (capRoll < 0.2 ? 1 : capRoll < 0.85 ? 2 : 3) : capRoll < 0.1 ? 2 : 3;
    const employees = sme ? intBetween(rng, 3, 45) : intBetween(rng, 120, 2500);

    // Description: 2–4 sentences.
    const sentences = intBetween(rng, 2, 4);
    const parts: string[] = [];
    if (generalist) parts.push(pick(rng, GENERALIST_FRAGMENTS));
    const fromSecondary = secondary ? 1 : 0;
    const withGeneric = parts.length + fromSecondary < sentences && rng() < 0.45 ? 1 : 0;
    const fromPrimary = Math.max(1, sentences - parts.length - fromSecondary - withGeneric);
    parts.push(...pickDistinct(rng, vocab.fragments, fromPrimary));
    if (secondary) parts.push(pick(rng, DOMAIN_VOCABULARY[secondary].fragments));
    if (withGeneric) {
      parts.push(
        fill(pick(rng, sme ? GENERIC_FRAGMENTS : LARGE_COMPANY_FRAGMENTS), {
          place,
          region: municipalityCode ? pick(rng, REGION_NAMES.slice(0, 4)) : 'Norge',
          n: String(employees),
          year: String(intBetween(rng, 1978, 2023)),
        }),
      );
    }

    // Capabilities: 3–6 tags.
    const capCount = intBetween(rng, 3, 6);
    const capabilities = pickDistinct(rng, vocab.capabilities, secondary ? capCount - 1 : capCount);
    if (secondary) {
      const extra = pickDistinct(rng, DOMAIN_VOCABULARY[secondary].capabilities, 3).find((c) => !capabilities.includes(c));
      if (extra) capabilities.push(extra);
    }

    // CPV: 1–4 codes; generalists lean to broad codes.
    let cpvCodes: string[];
    if (generalist) {
      cpvCodes = [pick(rng, vocab.cpvBroad)];
      const second = pick(rng, DOMAIN_VOCABULARY[secondary!].cpvBroad);
      if (!cpvCodes.includes(second)) cpvCodes.push(second);
      const specific = pick(rng, vocab.cpvSpecific);
      if (!cpvCodes.includes(specific)) cpvCodes.push(specific);
    } else {
      cpvCodes = drawCpv(rng, vocab, intBetween(rng, 1, secondary ? 2 : 3), 0.3);
      if (secondary) {
        const extra = pick(rng, DOMAIN_VOCABULARY[secondary].cpvSpecific);
        if (!cpvCodes.includes(extra)) cpvCodes.push(extra);
      }
    }

    const name = makeName(rng, primary, place, takenNames);
    takenNames.add(name);
    const shownName = demoName(name, shownNames);
    shownNames.add(shownName);

    const company: GeneratedCompany = {
      orgNumber: orgs.next().value as string,
      name: shownName,
      description: parts.join(' '),
      capabilities,
      cpvCodes: cpvCodes.slice(0, 4),
      sme,
      capacity,
    };
    if (municipalityCode) company.municipalityCode = municipalityCode;
    companies.push(company);
  }
  return companies;
}
