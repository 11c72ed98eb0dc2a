/**
 * What "text" means for every stored free-text field: Unicode NFC, no control characters but newline and
 * tab, no lone surrogates, no noncharacters. Pure and isomorphic (the web form and the API share it).
 */

/** C0 and C1 controls except tab (09) and newline (0A); DEL too. CR is folded into newlines first. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Lone surrogates: a high not followed by a low, or a low not preceded by a high. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+xFFFE, U+xFFFF). */
const NONCHARACTERS =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;
/** Characters that take no room: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks and isolates. */
export const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The stored form of a free text. Removes what a text may not hold; never throws. */
export function normaliseText(input: string): string {
  return input.replace(LONE_SURROGATES, '').replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(NONCHARACTERS, '').normalize('NFC');
}

/** True when nothing visible is left once whitespace and zero-width characters are gone. */
export function isBlank(input: string): boolean {
  return input.replace(INVISIBLE, '').replace(/\s+/gu, '') === '';
}

/**
 * A name as compared for uniqueness: normalised text, invisible characters removed, whitespace collapsed,
 * compatibility forms folded (NFKC) and case ignored. «Halden  Kommune», «halden\u200Bkommune» → «halden kommune».
 */
export function comparableName(input: string): string {
  return normaliseText(input).normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('nb');
}
