import type { CallInput } from '../../shared/schemas/calls.js';
import { officialCpvCodes } from '../core/cpv-codes.js';

/**
 * Stored form of call fields: deadlines in UTC so they sort as strings in the deadline index,
 * code lists without duplicates, CPV codes exactly as the official list has them (a 400 otherwise).
 */
export function normaliseCall(input: CallInput): CallInput {
  return {
    ...input,
    deadline: new Date(input.deadline).toISOString(),
    domains: [...new Set(input.domains)],
    cpvCodes: officialCpvCodes(input.cpvCodes),
  };
}

/** `If-Match: "3"` (or W/"3") → 3. */
export function parseIfMatch(header: string | undefined): number | undefined | 'invalid' {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  return m ? Number(m[1]) : 'invalid';
}

export const etag = (version: number) => `"${version}"`;
