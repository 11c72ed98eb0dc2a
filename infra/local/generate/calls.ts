/**
 * Deterministic generator of realistic (fictional) municipal innovation calls, for the matching benchmark.
 * Same `(count, seed, now)` always gives the same calls.
 */
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { isRdServicesCode } from '../../../shared/domain/cpv-code.js';
import { DOMAIN_LABELS, PROCEDURES, type Domain, type Procedure } from '../../../shared/domain/vocabulary.js';
import { DOMAIN_VOCABULARY, RELATED_DOMAINS, intBetween, mulberry32, pick, pickDistinct, pickMunicipalityCode, type Rng } from './companies.js';
import needs from './needs.json' with { type: 'json' };

export interface GeneratedCall {
  id: string;
  title: string;
  summary: string;
  description: string;
  domains: Domain[];
  cpvCodes: string[];
  municipalityCode: string;
  procedure: Procedure;
  deadline: string;
}

interface Need {
  title: string;
  summary: string;
  /** The sentence that says what the municipality wants. */
  need: string;
  cpv: string[];
}

/** The needs per domain, hand-laid in needs.json (data, one need a line). */
const NEEDS: Record<Domain, Need[]> = needs;

const CONTEXT = [
  'I {kommune} kommune ser vi at dagens løsning ikke holder mål.',
  '{kommune} kommune har satt seg ambisiøse mål for bærekraft og innovasjon.',
  'Innbyggerne i {kommune} har etterspurt bedre tjenester på dette området.',
  'Kommunen vokser, og vi må levere mer med de samme ressursene.',
  'Erfaringer fra andre kommuner viser at ny teknologi kan gi store gevinster her.',
  'Dette er et prioritert område i kommuneplanen for {kommune}.',
];

const REQUIREMENTS = [
  'Løsningen må være universelt utformet og ivareta personvernet.',
  'Data skal deles åpent der det er mulig, og løsningen må ha åpne grensesnitt.',
  'Vi ønsker å starte med en avgrenset pilot og skalere om den gir effekt.',
  'Gevinstene skal måles og deles med andre kommuner i regionen.',
  'Vi ønsker gjerne tilbud fra konsortier der små og store aktører samarbeider.',
  'Løsningen må kunne integreres med kommunens eksisterende systemer.',
  'Ansatte og innbyggere skal involveres gjennom hele prosjektet.',
];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** ULID-like id: 10 characters of time (ms) and 16 characters from the seeded PRNG, Crockford base32. */
function ulidLike(timeMs: number, rng: Rng): string {
  let time = '';
  let t = Math.max(0, Math.floor(timeMs));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[Math.floor(rng() * 32)]!;
  return time + rand;
}

const DAY_MS = 86_400_000;

/** One sentence about the secondary domain: a reworded company fragment ("Vi har …" → "… om leverandøren har …") or a plain wish. */
function secondarySentence(rng: Rng, domain: Domain): string {
  const fragment = pick(rng, DOMAIN_VOCABULARY[domain].fragments);
  if (fragment.startsWith('Vi ') && !/\bvår(e)?\b/.test(fragment)) {
    return `Det er en fordel om leverandøren ${fragment.slice(3)}`;
  }
  return `Vi ser gjerne at løsningen også bidrar innen ${DOMAIN_LABELS[domain].nb.toLowerCase()}.`;
}

export function generateCalls(count: number, seed: number, now: Date): GeneratedCall[] {
  const rng = mulberry32(seed ^ 0x5eed_ca11);
  const domainsList = Object.keys(NEEDS) as Domain[];
  const nowMs = now.getTime();
  const calls: GeneratedCall[] = [];

  for (let i = 0; i < count; i++) {
    const primary = pick(rng, domainsList);
    const need = pick(rng, NEEDS[primary]);
    const secondary = rng() < 0.35 ? pick(rng, RELATED_DOMAINS[primary]) : undefined;
    const domains: Domain[] = secondary ? [primary, secondary] : [primary];

    const cpvCodes = pickDistinct(rng, need.cpv, intBetween(rng, 1, need.cpv.length));
    if (secondary && cpvCodes.length < 3 && rng() < 0.5) {
      const extra = pick(rng, DOMAIN_VOCABULARY[secondary].cpvSpecific);
      if (!cpvCodes.includes(extra)) cpvCodes.push(extra);
    }

    const municipalityCode = pickMunicipalityCode(rng);
    const kommune = MUNICIPALITIES.find((m) => m.code === municipalityCode)?.name ?? 'Østfold';
    const title = rng() < 0.25 ? `${need.title} i ${kommune}` : need.title;

    const sentences = [pick(rng, CONTEXT).replaceAll('{kommune}', kommune), need.need];
    sentences.push(...pickDistinct(rng, REQUIREMENTS, intBetween(rng, 1, 2)));
    if (secondary && rng() < 0.6) sentences.splice(2, 0, secondarySentence(rng, secondary));

    // Created within the last 30 days, ordered by index; deadline 7–90 days ahead at noon UTC.
    const createdMs = nowMs - (count - i) * 3_600_000 - Math.floor(rng() * 3_600_000);
    const id = ulidLike(createdMs, rng);
    const deadlineDay = Math.floor(nowMs / DAY_MS) + intBetween(rng, 7, 90);
    const deadline = new Date(deadlineDay * DAY_MS + 12 * 3_600_000).toISOString();

    const procedure = pick(rng, PROCEDURES);
    // A pre-commercial procurement buys R&D services: it carries an R&D code (no draw, so the sequence is unchanged).
    if (procedure === 'pre-commercial' && !cpvCodes.some(isRdServicesCode)) {
      if (cpvCodes.length >= 3) cpvCodes.pop();
      cpvCodes.unshift('73120000');
    }

    calls.push({
      id,
      title,
      summary: need.summary,
      description: sentences.join(' '),
      domains,
      cpvCodes,
      municipalityCode,
      procedure,
      deadline,
    });
  }
  return calls;
}
