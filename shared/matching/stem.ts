/** The Snowball Norwegian stemmer (steps 1–3), shared by the tokeniser and the compound splitter. */
const VOWELS = 'aeiouyæåø';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);

/** Start of region R1: after the first non-vowel that follows a vowel, and never before position 3. */
function r1Start(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return Math.max(i + 1, 3);
  }
  return word.length;
}

const STEP1 = [
  'hetenes',
  'hetene',
  'hetens',
  'heter',
  'heten',
  'endes',
  'ande',
  'ende',
  'edes',
  'enes',
  'erte',
  'ede',
  'ane',
  'ene',
  'ens',
  'ers',
  'ets',
  'het',
  'ast',
  'ert',
  'en',
  'ar',
  'er',
  'as',
  'es',
  'et',
  'a',
  'e',
  's',
].sort((a, b) => b.length - a.length);
const STEP3 = ['hetslov', 'eleg', 'elig', 'elov', 'slov', 'leg', 'eig', 'lig', 'els', 'lov', 'ig'].sort((a, b) => b.length - a.length);
const S_ENDING = /[bcdfghjlmnoprtvyz]$|[^aeiouyæåø]k$/;

export function stem(word: string): string {
  if (word.length < 4) return word;
  const r1 = r1Start(word);
  let w = word;
  for (const suffix of STEP1) {
    if (w.endsWith(suffix) && w.length - suffix.length >= r1) {
      const base = w.slice(0, -suffix.length);
      if (suffix === 'erte' || suffix === 'ert') w = `${base}er`;
      else if (suffix === 's') {
        if (S_ENDING.test(base)) w = base;
      } else w = base;
      break;
    }
  }
  if ((w.endsWith('dt') || w.endsWith('vt')) && w.length - 1 > r1) w = w.slice(0, -1);
  for (const suffix of STEP3) {
    if (w.endsWith(suffix) && w.length - suffix.length >= r1) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}
