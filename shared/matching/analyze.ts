/**
 * Text analysis for matching: the same tokeniser as everywhere (lower-cased, stop words dropped,
 * Snowball stems), plus compound splitting (`compounds.ts`) and, on the call's side, field weights and
 * the reviewed related terms (`related-terms.ts`).
 *
 * - A company document is its capabilities (its own tags, CAPABILITY_REPEAT times), its description
 *   once, and its name once (the sector word in «Halden VA AS» says what the firm does). A compound adds
 *   its parts as terms beside itself, so «fyllingssensorer» also counts as «fylling» and «sensor».
 * - A call query is a weight per term: the highest field weight the term has (title above summary above
 *   description), a compound's parts at PART_WEIGHT of the word, and related terms at their entry's
 *   weight. BM25 multiplies each term's part by its weight (see `bm25.ts`, weighted queries).
 */
import { splitCompound } from './compounds.js';
import { DOMAIN_TERMS, RELATED_TERMS } from './related-terms.js';
import { stem, words } from './tokenize.js';

export const CAPABILITY_REPEAT = 3;

/**
 * Words that say nothing about what a company does or a call needs, beyond the tokeniser's stop words:
 * modal verbs, adverbs and the boilerplate of calls and profiles («kommunens», «løsningen», «bruke»).
 */
const MATCH_STOP_WORDS = new Set(
  `må får få fått vet igjen gjerne andre annen annet enkelt enkle raskt rask lik like likt rundt lang lange langs sett
  vis vise viser via ofte særlig spesielt blant hele helt godt bedre beste del deler dels egen eget egne egen finnes
  gir gi gitt går gå tar ta tatt trenger trengs treng behov ønsket ønsker ønske mulig mulige mulighet muligheter
  kommunens kommunene kommuner kommunal kommunale kommunalt dag dagens dager år året årene først første
  løsning løsningen løsninger løsningene leverandør leverandører leverandøren bruk bruke bruker brukes brukt
  arbeid arbeide jobbe jobber fram frem frem til tidlig tidligere videre sammen både per ulike ulik flere fleste
  stor store større størst liten lite små mindre minst mye mer mest høy høyt lav lavt godt gode bra ny nye nytt
  vi våre vår vårt oss selskapet selskap bedrifter as asa basert baserte basere type typer måte måter grunnlag
  tilbyr tilby leverer levere utvikler utvikle lager lage hjelper hjelpe bidrar bidra gjennomfører gjennomføre
  følger følge sørge sørger slik sånn ting`.split(/\s+/),
);

/**
 * Place names are not evidence of fit: a company named «Halden Bygg AS», or one that says it is based
 * in Halden, must not gain text points from a call that mentions Halden. Proximity is the locality
 * signal's business, and only when the call asks for it.
 */
const PLACE_WORDS = new Set(
  `halden moss sarpsborg fredrikstad hvaler råde våler skiptvet indre østfold rakkestad marker aremark tistedal idd
  jeløy rygge tune borg greåker onsøy kråkerøy gamlebyen skjærhalden karlshus kirkebygden mysen askim spydeberg
  eidsberg ørje smaalenene glomma nedre viken øst oslo bergen trondheim stavanger drammen lillestrøm tønsberg
  hamar kristiansand tromsø ski asker porsgrunn gjøvik`.split(/\s+/),
);

/** Plural forms the Snowball stemmer leaves apart from their singular: «innbyggerne», «innbyggere» → «innbygger». */
function normalise(word: string): string {
  if (word.length >= 7 && word.endsWith('erne')) return word.slice(0, -2);
  if (word.length >= 6 && word.endsWith('ere')) return word.slice(0, -1);
  return word;
}

/** Matching's words: the tokeniser's, less the matching stop words, plural forms normalised. */
function matchWords(text: string): string[] {
  return words(text.replace(/-/g, ' '))
    .filter((w) => !MATCH_STOP_WORDS.has(w) && !PLACE_WORDS.has(w))
    .map(normalise);
}

type WordTerm = { term: string; form: string; part: boolean };
const memo = new Map<string, readonly WordTerm[]>();

/** `termsOf`, remembered: a market's vocabulary is small, its documents many. */
function wordTerms(w: string): readonly WordTerm[] {
  let hit = memo.get(w);
  if (!hit) {
    if (memo.size > 100_000) memo.clear();
    memo.set(w, (hit = termsOf(w)));
  }
  return hit;
}

/** Stems a word stands for: its own, its compound parts', and the base of a «-bar(e)» adjective (ombrukbare → ombruk). */
function termsOf(w: string): WordTerm[] {
  const s = stem(w);
  const out = [{ term: s, form: w, part: false }];
  const parts = splitCompound(w);
  if (parts)
    for (const p of parts) {
      const ps = stem(p);
      if (ps !== s && ps.length > 1 && !MATCH_STOP_WORDS.has(p)) out.push({ term: ps, form: p, part: true });
    }
  const bar = /^(.{4,})bare?$/.exec(w);
  if (bar) {
    const base = stem(bar[1]!);
    if (base !== s) out.push({ term: base, form: bar[1]!, part: true });
  }
  // A verbal noun meets its verb: «telling» → «teller», «varsling» → «varsler», «måling» → «måler».
  for (const t of [...out]) {
    const form = t.form;
    if (form.length >= 6 && form.endsWith('ing') && !MATCH_STOP_WORDS.has(form)) {
      const base = stem(form.slice(0, -3));
      // Shown as the verb's infinitive («varsle»), so a reason does not list «varsling» twice.
      if (base.length >= 3 && !out.some((o) => o.term === base)) out.push({ term: base, form: `${form.slice(0, -3)}e`, part: true });
    }
  }
  return out;
}
export const FIELD_WEIGHTS = { title: 1, summary: 0.9, description: 0.7 } as const;
export const PART_WEIGHT = 0.7;
/** Weight of a call domain's core words (related-terms.ts, DOMAIN_TERMS). */
export const DOMAIN_WEIGHT = 0.25;

/** Stems of a text's words, each followed by the stems of its compound parts. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const w of matchWords(text)) for (const t of wordTerms(w)) out.push(t.term);
  return out;
}

/** The terms of a company profile as the text index holds them. */
export function profileTerms(p: { name?: string; description?: string; capabilities?: readonly string[] }): string[] {
  const caps = analyze((p.capabilities ?? []).join(' '));
  const out = [...analyze(p.description ?? ''), ...analyze(p.name ?? '')];
  for (let i = 0; i < CAPABILITY_REPEAT; i++) out.push(...caps);
  return out;
}

export interface WeightedQuery {
  /** Term → weight in (0, 1]. */
  weights: Map<string, number>;
  /** Term → the word of the call it came from (or the related word), for reasons. */
  surface: Map<string, string>;
  /** Terms that came in only through a related-terms entry: term → the call's word that brought it
   * (or `domain:<domain>` for a domain's core word). */
  via: Map<string, string>;
}

interface Loaded {
  from: Set<string>;
  to: { term: string; word: string }[];
  weight: number;
}

let loaded: Loaded[] | undefined;
const relatedTerms = (): Loaded[] =>
  (loaded ??= RELATED_TERMS.map((e) => ({
    from: new Set(e.words.map((w) => stem(normalise(w.toLocaleLowerCase('nb'))))),
    to: e.related.map((w) => ({ term: stem(normalise(w.toLocaleLowerCase('nb'))), word: w })),
    weight: e.weight,
  })));

/** The weighted query of a call's title, summary and description. */
export function callQuery(c: { title: string; summary: string; description: string; domains?: readonly string[] }): WeightedQuery {
  const weights = new Map<string, number>();
  const surface = new Map<string, string>();
  const via = new Map<string, string>();
  const add = (term: string, w: number, form: string) => {
    if ((weights.get(term) ?? 0) < w) weights.set(term, w);
    if (!surface.has(term)) surface.set(term, form);
  };
  for (const [field, fw] of [
    ['title', FIELD_WEIGHTS.title],
    ['summary', FIELD_WEIGHTS.summary],
    ['description', FIELD_WEIGHTS.description],
  ] as const) {
    for (const w of matchWords(c[field])) {
      for (const t of wordTerms(w)) add(t.term, t.part ? fw * PART_WEIGHT : fw, t.form);
    }
  }
  // One step of related terms, from the call's own terms only.
  const own = [...weights];
  for (const entry of relatedTerms()) {
    let strongest = 0;
    let word = '';
    for (const [t, w] of own) if (entry.from.has(t) && w > strongest) [strongest, word] = [w, surface.get(t) ?? t];
    if (!strongest) continue;
    for (const { term: t, word: form } of entry.to) {
      const w = strongest * entry.weight;
      if ((weights.get(t) ?? 0) < w) {
        weights.set(t, w);
        if (!surface.has(t)) surface.set(t, form);
        if (!own.some(([o]) => o === t)) via.set(t, word);
      }
    }
  }
  // The call's domains, weakest of all.
  for (const d of c.domains ?? []) {
    const entry = DOMAIN_TERMS[d];
    if (!entry) continue;
    for (const w of entry.words) {
      const t = stem(normalise(w));
      if ((weights.get(t) ?? 0) < DOMAIN_WEIGHT) {
        if (!weights.has(t)) via.set(t, `domain:${d}`);
        weights.set(t, DOMAIN_WEIGHT);
        if (!surface.has(t)) surface.set(t, w);
      }
    }
  }
  return { weights, surface, via };
}
