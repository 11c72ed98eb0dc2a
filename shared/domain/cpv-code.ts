/**
 * The shape of a CPV 2008 code, without the list: safe for the web bundle. The official list itself
 * (9,454 codes with their labels) is read by shared/domain/cpv.ts on the server only.
 *
 * Codes are stored as 8 digits without the check digit, as eForms and OCDS do. Doffin and TED print them
 * with it (`72212000-4`); input in that form is accepted and stored without it. The check digit is not
 * verified: the code list is the authority on which codes exist, and a code from the list is what is stored.
 */
export const CPV_INPUT_PATTERN = /^\d{8}(?:-\d)?$/;

/** `72212000`, `72212000-9` or ` 72212000 ` → `72212000`; anything else → undefined. */
export function parseCpvInput(input: string): string | undefined {
  const s = input.trim();
  return CPV_INPUT_PATTERN.test(s) ? s.slice(0, 8) : undefined;
}

export type CpvLevel = 'division' | 'group' | 'class' | 'category' | 'code';

/** How many significant digits a code has, read from its trailing zeros (never fewer than the division). */
export function cpvSignificantDigits(code: string): number {
  let n = 8;
  while (n > 2 && code[n - 1] === '0') n--;
  return n;
}

/**
 * Research and development services that the R&D exemption of the procurement rules (pre-commercial
 * procurement) covers: 73000000–73120000, 73300000, 73420000, 73430000 (Directive 2014/24/EU art. 14).
 */
export const CPV_RD_SERVICES = ['73000000', '73100000', '73110000', '73111000', '73112000', '73120000', '73300000', '73420000', '73430000'] as const;

export function isRdServicesCode(code: string): boolean {
  return (CPV_RD_SERVICES as readonly string[]).includes(code);
}
