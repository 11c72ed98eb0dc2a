import * as z from 'zod/mini';
import { municipalityFields } from './common.js';

export const reasonSchema = z.object({
  signal: z.enum(['cpv', 'text', 'locality', 'sme']),
  points: z.number(),
  text: z.object({ nb: z.string(), en: z.string() }),
  /** Each matched word or CPV code pair with the points it contributed (they sum to `points`, up to rounding). */
  evidence: z.optional(z.array(z.object({ match: z.string(), points: z.number(), via: z.optional(z.string()) }))),
});
export type MatchReason = z.infer<typeof reasonSchema>;

/** A match's score and the reasons it adds up from. */
const scored = { score: z.number(), reasons: z.array(reasonSchema) };

export const matchQuerySchema = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
});

/** A company proposed for a call. */
export const partnerMatchSchema = z.object({
  orgNumber: z.string(),
  name: z.string(),
  municipalityCode: z.optional(z.string()),
  sme: z.boolean(),
  capacity: z.number(),
  ...scored,
});
export type PartnerMatch = z.infer<typeof partnerMatchSchema>;

/** An open call proposed to a company. */
export const callMatchSchema = z.object({
  callId: z.string(),
  title: z.string(),
  ...municipalityFields,
  deadline: z.string(),
  ...scored,
});
export type CallMatch = z.infer<typeof callMatchSchema>;

/** Body of POST /api/programme/slate. */
export const slateRequestSchema = z.strictObject({
  /** Calls to staff; all open calls when left out. */
  callIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(500))),
  partnersPerCall: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(5))),
  respectCapacity: z.optional(z.boolean()),
});
export type SlateRequest = z.infer<typeof slateRequestSchema>;

export const slateSchema = z.object({
  items: z.array(
    z.object({
      callId: z.string(),
      title: z.string(),
      municipalityName: z.string(),
      partners: z.array(partnerMatchSchema),
    }),
  ),
  total: z.number(),
  partnersPerCall: z.number(),
  respectCapacity: z.boolean(),
  evidence: z.object({
    method: z.string(),
    optimal: z.boolean(),
    rounds: z.number(),
    candidatesPerCall: z.object({ min: z.number(), max: z.number() }),
    companiesConsidered: z.number(),
    companiesInIndex: z.number(),
    unprovenCalls: z.array(z.string()),
    solveMs: z.number(),
  }),
});
export type Slate = z.infer<typeof slateSchema>;
