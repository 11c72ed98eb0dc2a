/**
 * Norwegian-aware tokenisation for matching: lower-cased (nb), æøå kept, bokmål (and common nynorsk)
 * stop words dropped, and a light stemmer (the Snowball Norwegian algorithm) so that "sensorer",
 * "sensoren" and "sensor" meet.
 */
const STOP_WORDS = new Set(
  `og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett har om vi min mitt ha hadde
  hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjøl her alle vil bli ble blitt
  kunne inn når være kom noen noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt mot å meget
  hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår hver hvem vors hvis
  både bare enn fordi før mange også slik vært begge siden dei ein eit eg ikkje kva kvar korleis me no noko nokre
  mykje vere vart vore sidan so um upp ho henne hennar hennes mi mine di deira the and of to in for with on our we
  kommunen kommune ønsker ønsker vil skal kunne både samt gjennom mer mest godt god gode nye ny nytt`.split(/\s+/),
);

export { stem } from './stem.js';
import { stem } from './stem.js';

/** Words of a text, as the raw lower-cased forms (for showing which terms were shared). */
export function words(text: string): string[] {
  return (text.toLocaleLowerCase('nb').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** Index terms of a text: stems of its non-stop words. Hyphenated compounds also count by their parts. */
export function tokenize(text: string): string[] {
  return words(text.replace(/-/g, ' ')).map(stem);
}

/** Term → a readable surface form seen in the text (the first one), to explain matches in words people use. */
export function surfaceForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const w of words(text.replace(/-/g, ' '))) {
    const s = stem(w);
    if (!forms.has(s)) forms.set(s, w);
  }
  return forms;
}
