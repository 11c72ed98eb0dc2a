import { cpvLabel, isOfficialCpv, nearestCpvCodes, parseCpvInput } from '../../shared/domain/cpv.js';
import { badRequest, type FieldError } from './errors.js';

/**
 * Codes as stored: each exactly a code of the official CPV 2008 list, check digit dropped (`72212000-4` →
 * `72212000`), duplicates removed. A code not in the list is a 400 that names the nearest listed codes.
 */
export function officialCpvCodes(codes: readonly string[], path = 'cpvCodes'): string[] {
  const out: string[] = [];
  const errors: FieldError[] = [];
  codes.forEach((raw, i) => {
    const code = parseCpvInput(raw);
    if (code && isOfficialCpv(code)) {
      if (!out.includes(code)) out.push(code);
      return;
    }
    const near = nearestCpvCodes(raw).map((c) => `${c} (${cpvLabel(c, 'en')})`);
    errors.push({ path: `${path}.${i}`, message: `${raw} is not in the CPV 2008 list; nearest valid codes: ${near.join(', ')}` });
  });
  if (errors.length > 0) {
    const first = errors[0]!.message;
    throw badRequest(errors.length === 1 ? `CPV code ${first}.` : `${errors.length} CPV codes are not in the CPV 2008 list. ${first}.`, errors);
  }
  return out;
}
