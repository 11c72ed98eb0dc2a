/**
 * Dictionary-driven splitting of Norwegian compounds: «fyllingssensorer» → fylling + sensorer,
 * «avfallsbeholder» → avfall + beholder, «overvannsnett» → overvann + nett, «brøyterute» → brøyte + rute.
 *
 * A word of at least MIN_WORD letters is split into two or more parts when every part is a word of the
 * lexicon (`lexicon.ts`), optionally joined by the linking letters «s» or «e» (fylling-s-sensor,
 * barn-e-hage). The last part may be inflected: it counts when its Snowball stem is the stem of a
 * lexicon word (sensor-er). Among the possible splits the one with the fewest parts wins, then the one
 * whose first part is longest. A word the lexicon knows as a whole (maybe inflected) is not split:
 * «programvaren» is programvare, not program + varen; «veiledning» is not vei + ledning.
 */
import { LEXICON } from './lexicon.js';
import { stem } from './stem.js';

export const MIN_WORD = 7;
export const MIN_PART = 3;
/** The last part needs four letters: «programmer» is not program + mer. */
export const MIN_LAST = 4;
const LINKS = ['', 's', 'e'] as const;

const STEMS: ReadonlySet<string> = new Set([...LEXICON].map(stem));

const isWord = (w: string) => LEXICON.has(w);
/** Endings an inflected last part may carry: «beholdere», «sensorene», «rutene». */
const ENDINGS = ['e', 'er', 'en', 'et', 'ene', 'ere', 'ne', 'r', 'a', 'ar', 'ane'];
const isLastWord = (w: string) =>
  LEXICON.has(w) || STEMS.has(stem(w)) || ENDINGS.some((e) => w.length - e.length >= MIN_PART && w.endsWith(e) && LEXICON.has(w.slice(0, -e.length)));

const cache = new Map<string, readonly string[] | null>();

/** The parts of a compound (surface forms, last part as written), or undefined when it does not split. */
export function splitCompound(word: string): readonly string[] | undefined {
  if (word.length < MIN_WORD) return undefined;
  let hit = cache.get(word);
  if (hit === undefined) {
    // A word the lexicon knows as a whole (maybe inflected) stays whole: «programvaren», «veiledning».
    hit = isLastWord(word) ? null : (best(word, 0) ?? null);
    if (hit && hit.length < 2) hit = null;
    if (cache.size > 50_000) cache.clear();
    cache.set(word, hit);
  }
  return hit ?? undefined;
}

/** Fewest parts covering word[from..], each part a lexicon word (the last may be inflected). */
function best(word: string, from: number, depth = 0): string[] | undefined {
  const rest = word.slice(from);
  let found: string[] | undefined;
  if (from > 0 && rest.length >= MIN_LAST && isLastWord(rest)) found = [rest];
  if (depth >= 3) return found;
  // Longest first part first, so the first split found at the smallest part count is the preferred one.
  for (let end = word.length - MIN_LAST; end >= from + MIN_PART; end--) {
    const head = word.slice(from, end);
    if (!isWord(head)) continue;
    for (const link of LINKS) {
      if (link && word.slice(end, end + link.length) !== link) continue;
      const next = end + link.length;
      if (word.length - next < MIN_LAST) continue;
      const tail = best(word, next, depth + 1);
      if (tail && (!found || tail.length + 1 < found.length)) found = [head, ...tail];
    }
  }
  return found;
}
