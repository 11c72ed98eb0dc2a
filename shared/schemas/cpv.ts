import * as z from 'zod/mini';
import { CPV_INPUT_PATTERN } from '../domain/cpv-code.js';

/** GET /api/cpv: search the official CPV 2008 list, or look up given codes (`codes=72212000,48813200`). */
export const cpvQuerySchema = z.object({
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  lang: z.optional(z.enum(['nb', 'en'])),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
  codes: z.optional(
    z.string().check(
      z.maxLength(600),
      z.refine((s) => s.split(',').every((c) => CPV_INPUT_PATTERN.test(c.trim())), 'Expected comma-separated CPV codes, e.g. 72212000,48813200'),
    ),
  ),
});
export type CpvQuery = z.infer<typeof cpvQuerySchema>;

export const cpvHitSchema = z.object({
  code: z.string(),
  label: z.string(),
  /** Significant digits: 2 division, 3 group, 4 class, 5 category, 6–8 finer. */
  depth: z.number(),
  /** Listed ancestors, division first: the hierarchy above the code. */
  path: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type CpvHit = z.infer<typeof cpvHitSchema>;

export const cpvSearchSchema = z.object({ items: z.array(cpvHitSchema), attribution: z.string() });
export type CpvSearch = z.infer<typeof cpvSearchSchema>;
