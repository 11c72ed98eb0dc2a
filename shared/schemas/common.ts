import * as z from 'zod/mini';
import { isBlank, normaliseText } from '../domain/text.js';

/** ISO 8601 with an explicit zone (Z or ±hh:mm), as the API contract requires. */
export const isoDateTime = z.iso.datetime({ offset: true });

/**
 * Free text: normalised (shared/domain/text.ts: NFC, no controls but newline and tab, no lone surrogates or
 * noncharacters) and trimmed. A required text (min > 0) may not be only whitespace and zero-width characters;
 * an optional one that is, is stored empty.
 */
export const text = (min: number, max: number) =>
  z.string().check(
    z.overwrite((s) => {
      const t = normaliseText(s).trim();
      return min === 0 && isBlank(t) ? '' : t;
    }),
    // Shorter than min is reported by minLength (the form's own message); this catches long invisible-only text.
    z.refine((s) => min === 0 || s.length < min || !isBlank(s), { message: 'Must contain visible text, not only spaces or invisible characters' }),
    z.minLength(min),
    z.maxLength(max),
  );

export const pageQuery = {
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
};

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  /** The values the message of `type` needs (shared/api/problems.ts names them per type). */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]))),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof problemSchema>;

export const page = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
export type Page<T> = { items: T[]; nextCursor: string | null };

/** Where a call (or its owner) belongs, as the API shows it: the kommunenummer and the municipality's name. */
export const municipalityFields = { municipalityCode: z.string(), municipalityName: z.string() };

/** A company named in an answer (members, partners, winners, who asked): its organisasjonsnummer and name. */
export const companyRefSchema = z.object({ orgNumber: z.string(), name: z.string() });
