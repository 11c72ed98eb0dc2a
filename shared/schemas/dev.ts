import * as z from 'zod/mini';
import { organisationSchema } from './organisations.js';
import { ORGANISATION_KINDS } from '../domain/vocabulary.js';
import { durationMs } from '../domain/duration.js';
import { isoDateTime } from './common.js';

export const devUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ORGANISATION_KINDS),
  organisation: organisationSchema,
});
export type DevUser = z.infer<typeof devUserSchema>;

export const devLoginSchema = z.strictObject({ userId: z.string().check(z.minLength(1), z.maxLength(100)) });

/** Body of POST /api/dev/clock: move forward by an ISO 8601 duration, or set an instant. Exactly one of them. */
export const devClockInputSchema = z.union([
  z.strictObject({
    advance: z.string().check(z.refine((v) => durationMs(v) !== undefined, { message: 'Expected an ISO 8601 duration such as P7D or PT2H30M' })),
  }),
  z.strictObject({ set: isoDateTime }),
]);
export type DevClockInput = z.infer<typeof devClockInputSchema>;
export const devClockSchema = z.object({ now: isoDateTime });
