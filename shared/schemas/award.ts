/**
 * From deadline to contract: criteria, the answers each procedure asks for, impartiality, evaluation,
 * selection, award, standstill, contract, letters and the protocol. Rules live in shared/domain/procedure.ts.
 */
import * as z from 'zod/mini';
import { CRITERION_KINDS, PHASES, isValidScore } from '../domain/procedure.js';
import { isValidOrgNumber } from '../domain/org-number.js';
import { companyRefSchema, isoDateTime, text } from './common.js';

const orgNumber = z.string().check(z.refine(isValidOrgNumber, { message: 'Not a valid organisasjonsnummer' }));
const nok = z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000_000));

// ─── On the call ─────────────────────────────────────────────────────────────────────────────────────────
export const criterionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and hyphens, at most 40')),
  name: text(2, 120),
  kind: z.enum(CRITERION_KINDS),
  weight: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  description: z.optional(text(0, 2000)),
});
export const awardCriteriaSchema = z.array(criterionSchema).check(z.minLength(1), z.maxLength(10));
export const climateRequirementsSchema = z.strictObject({ text: text(10, 5000) });

/** Added to the call's create and patch bodies: checked against the procedure and the climate rule at publication. */
export const callAwardInputFields = {
  awardCriteria: z.optional(awardCriteriaSchema),
  climateRequirements: z.optional(climateRequirementsSchema),
};

const criterionView = z.object({ id: z.string(), name: z.string(), kind: z.enum(CRITERION_KINDS), weight: z.number(), description: z.optional(z.string()) });

/** Added to every call in responses. The contract (winners, reasons, value) is public once it is signed. */
export const callAwardViewFields = {
  phase: z.enum(PHASES),
  awardCriteria: z.optional(z.array(criterionView)),
  climateRequirements: z.optional(z.object({ text: z.string() })),
  tenderDeadline: z.optional(isoDateTime),
  standstillEndsAt: z.optional(isoDateTime),
  contract: z.optional(
    z.object({
      signedAt: isoDateTime,
      valueNok: z.number(),
      durationMonths: z.optional(z.number()),
      winners: z.array(companyRefSchema),
      reasons: z.string(),
    }),
  ),
};

// ─── What companies send ─────────────────────────────────────────────────────────────────────────────────
export const selfDeclarationSchema = z.strictObject({
  noExclusionGrounds: z.literal(true),
  taxAndVatPaid: z.literal(true),
  hmsCompliant: z.literal(true),
  groundsText: z.optional(text(0, 5000)),
});
export const referenceSchema = z.strictObject({
  customer: text(2, 200),
  description: text(2, 2000),
  year: z.number().check(z.int(), z.minimum(1980), z.maximum(2100)),
});
export const confidentialPartSchema = z.strictObject({
  /** `description`, `price` or the id of an attachment. */
  part: z.string().check(z.minLength(1), z.maxLength(64)),
  reason: text(5, 1000),
});

/** Added to the proposal body: which of them a call accepts depends on its procedure and stage (400 otherwise). */
export const proposalAwardInputFields = {
  selfDeclaration: z.optional(selfDeclarationSchema),
  references: z.optional(z.array(referenceSchema).check(z.maxLength(5))),
  confidential: z.optional(z.array(confidentialPartSchema).check(z.maxLength(20))),
};
export const proposalAwardViewFields = {
  kind: z.optional(z.enum(['innspill', 'request', 'tender'])),
  selfDeclaration: z.optional(
    z.object({ noExclusionGrounds: z.boolean(), taxAndVatPaid: z.boolean(), hmsCompliant: z.boolean(), groundsText: z.optional(z.string()) }),
  ),
  references: z.optional(z.array(z.object({ customer: z.string(), description: z.string(), year: z.number() }))),
  confidential: z.optional(z.array(z.object({ part: z.string(), reason: z.string() }))),
};

export const proposalsQuerySchema = z.object({ stage: z.optional(z.enum(['request', 'tender'])) });

// ─── Impartiality and evaluation ─────────────────────────────────────────────────────────────────────────
export const impartialityInputSchema = z
  .strictObject({
    impartial: z.boolean(),
    reason: z.optional(text(5, 2000)),
  })
  .check(z.refine((b) => b.impartial || !!b.reason, { message: 'Say why you are not impartial (reason)', path: ['reason'] }));
export const impartialitySchema = z.object({
  callId: z.string(),
  userId: z.string(),
  userName: z.optional(z.string()),
  impartial: z.boolean(),
  reason: z.optional(z.string()),
  declaredAt: isoDateTime,
});

export const evaluationParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  orgNumber,
});
export const evaluationInputSchema = z.strictObject({
  scores: z.record(z.string().check(z.maxLength(40)), z.number().check(z.refine(isValidScore, { message: 'Scores are 0–10 with at most two decimals' }))),
  notes: z.optional(text(0, 10_000)),
});
export const evaluationSchema = z.object({
  callId: z.string(),
  orgNumber: z.string(),
  scores: z.record(z.string(), z.number()),
  notes: z.optional(z.string()),
  version: z.number(),
  updatedAt: isoDateTime,
});
const rankedSchema = z.object({
  orgNumber: z.string(),
  name: z.string(),
  priceNok: z.optional(z.number()),
  scores: z.record(z.string(), z.number()),
  weighted: z.record(z.string(), z.number()),
  total: z.number(),
  rank: z.number(),
  complete: z.boolean(),
  notes: z.optional(z.string()),
  version: z.optional(z.number()),
});
export const evaluationTableSchema = z.object({ criteria: z.array(criterionView), items: z.array(rankedSchema), complete: z.boolean() });

// ─── Selection, award, contract ──────────────────────────────────────────────────────────────────────────
export const selectionInputSchema = z.strictObject({
  selected: z.array(orgNumber).check(z.maxLength(100)),
  reasons: text(20, 10_000),
  tenderDeadline: isoDateTime,
});
export const awardInputSchema = z.strictObject({
  winners: z.array(orgNumber).check(z.minLength(1), z.maxLength(20)),
  reasons: text(50, 10_000),
  standstillDays: z.optional(z.number().check(z.int(), z.minimum(5), z.maximum(60))),
});
export const withdrawInputSchema = z.strictObject({ reason: text(10, 5000) });
export const contractInputSchema = z.strictObject({
  signedAt: isoDateTime,
  valueNok: nok,
  durationMonths: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(240))),
});

export const decisionSchema = z.object({
  id: z.string(),
  kind: z.enum(['selection', 'award']),
  decidedAt: isoDateTime,
  reasons: z.string(),
  winners: z.optional(z.array(companyRefSchema)),
  selected: z.optional(z.array(companyRefSchema)),
  standstillEndsAt: z.optional(isoDateTime),
  tenderDeadline: z.optional(isoDateTime),
  withdrawnAt: z.optional(isoDateTime),
  withdrawReason: z.optional(z.string()),
  letters: z.array(z.object({ orgNumber: z.string(), name: z.string(), sentAt: z.optional(isoDateTime) })),
});

export const letterSchema = z.object({
  id: z.string(),
  callId: z.string(),
  kind: z.enum(['selection', 'award', 'withdrawal', 'cancellation']),
  orgNumber: z.string(),
  companyName: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: isoDateTime,
  sentAt: z.optional(isoDateTime),
});
export const letterPreviewSchema = z.object({
  letters: z.array(z.object({ orgNumber: z.string(), companyName: z.string(), subject: z.string(), text: z.string() })),
});

export const protocolSchema = z.object({
  callId: z.string(),
  title: z.string(),
  municipalityName: z.string(),
  procedure: z.string(),
  phase: z.enum(PHASES),
  generatedAt: isoDateTime,
  events: z.array(
    z.object({ at: isoDateTime, type: z.string(), actor: z.optional(z.string()), text: z.string(), data: z.optional(z.record(z.string(), z.unknown())) }),
  ),
});

export const programmePhasesSchema = z.object({
  byPhase: z.array(z.object({ phase: z.enum(PHASES), count: z.number() })),
  contracted: z.number(),
  medianDaysToContract: z.nullable(z.number()),
  stuck: z.array(
    z.object({ callId: z.string(), title: z.string(), municipalityName: z.string(), phase: z.enum(PHASES), since: isoDateTime, days: z.number() }),
  ),
});
