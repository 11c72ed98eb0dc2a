import * as z from 'zod/mini';
import { DOMAINS, PROCEDURES, PROJECT_STATUSES } from '../domain/vocabulary.js';
import { MUNICIPALITY_CODES } from '../domain/municipalities.js';
import { companyRefSchema, isoDateTime, pageQuery, text } from './common.js';
import { orgNumberSchema } from './organisations.js';

// Kept beside the other vocabularies (zod-free), so the web can list them without loading zod.
export { PROJECT_STATUSES };

/** Body of PUT /api/calls/{id}/outcome: what came of a closed call. */
export const outcomeInputSchema = z.strictObject({
  partners: z.array(orgNumberSchema).check(z.maxLength(20)),
  projectStatus: z.enum(PROJECT_STATUSES),
  results: text(0, 5000),
  lessons: text(0, 5000),
  documents: z.array(z.strictObject({ title: text(1, 200), url: z.url({ protocol: /^https?$/ }).check(z.maxLength(1000)) })).check(z.maxLength(20)),
  wouldRecommend: z.boolean(),
  /** Outcomes are public once the municipality publishes them. */
  published: z.boolean(),
});
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

export const outcomeSchema = z.object({
  callId: z.string(),
  municipalityCode: z.string(),
  partners: z.array(companyRefSchema),
  projectStatus: z.enum(PROJECT_STATUSES),
  results: z.string(),
  lessons: z.string(),
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  wouldRecommend: z.boolean(),
  published: z.boolean(),
  updatedAt: isoDateTime,
  /** Sent back as If-Match on the next PUT (the ETag header carries it too). */
  version: z.number(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/** A lesson in the public registry: a published outcome and the call it came from. */
export const lessonSchema = z.object({
  ...outcomeSchema.shape,
  callTitle: z.string(),
  callSummary: z.string(),
  municipalityName: z.string(),
  domains: z.array(z.string()),
  cpvCodes: z.array(z.string()),
  /** Official labels of the codes: `{ "72212000": { nb, en } }`. */
  cpvLabels: z.optional(z.record(z.string(), z.object({ nb: z.string(), en: z.string() }))),
  procedure: z.string(),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const lessonsQuerySchema = z.object({
  domain: z.optional(z.enum(DOMAINS)),
  cpv: z.optional(z.string().check(z.regex(/^\d{2,8}$/, 'Expected 2–8 digits of a CPV code'))),
  municipality: z.optional(z.enum(MUNICIPALITY_CODES)),
  procedure: z.optional(z.enum(PROCEDURES)),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  ...pageQuery,
});

export const reuseSchema = z.object({
  count: z.number(),
  items: z.array(
    z.object({
      municipalityCode: z.string(),
      municipalityName: z.string(),
      reusedAt: isoDateTime,
      /** Only when the reusing call has been published. */
      callId: z.optional(z.string()),
    }),
  ),
});

export const similarCallSchema = z.object({
  callId: z.string(),
  title: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  status: z.string(),
  score: z.number(),
  reasons: z.array(z.object({ nb: z.string(), en: z.string() })),
});

/** What a municipality sees while drafting: similar calls and lessons from other municipalities. */
export const similarSchema = z.object({
  calls: z.array(similarCallSchema),
  lessons: z.array(
    z.object({
      callId: z.string(),
      callTitle: z.string(),
      municipalityName: z.string(),
      projectStatus: z.enum(PROJECT_STATUSES),
      lessons: z.string(),
      score: z.number(),
    }),
  ),
});

/** Two municipalities working on the same need: a suggestion to run a joint call. */
export const similarNeedSchema = z.object({
  mine: z.object({ callId: z.string(), title: z.string(), status: z.string() }),
  /** callId only when their call is published: another municipality's draft is named, never linked. */
  theirs: z.object({ callId: z.optional(z.string()), title: z.string(), status: z.string(), municipalityCode: z.string(), municipalityName: z.string() }),
  score: z.number(),
  reasons: z.array(z.object({ nb: z.string(), en: z.string() })),
  suggestion: z.object({ nb: z.string(), en: z.string() }),
});
