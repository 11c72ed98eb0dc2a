const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * Norwegian organisasjonsnummer check (MOD11, Brønnøysundregistrene):
 * check = 11 − (Σ digit·weight mod 11); 11 → 0; 10 means no valid number has these eight digits.
 * `000000000` passes the arithmetic but is no one's number.
 */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits[8];
}

/** Completes eight digits with their MOD11 check digit, or undefined when none exists (check 10). */
export function withCheckDigit(eightDigits: string): string | undefined {
  if (!/^\d{8}$/.test(eightDigits)) return undefined;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(eightDigits[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return eightDigits + String(check === 11 ? 0 : check);
}

/**
 * Enhetsregisteret issues organisasjonsnummer beginning with 8 or 9. Demo data uses valid numbers beginning
 * with any other digit (but 0), so a demo number can never be a real entity's.
 */
export function isDemoOrgNumber(value: string): boolean {
  return isValidOrgNumber(value) && /^[1-7]/.test(value);
}
