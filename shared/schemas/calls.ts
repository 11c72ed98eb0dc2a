import * as z from 'zod/mini';
import { DOMAINS, PROCEDURES } from '../domain/vocabulary.js';
import { CALL_STATUSES } from '../domain/call-status.js';
import { CPV_INPUT_PATTERN, isRdServicesCode, parseCpvInput } from '../domain/cpv-code.js';
import { MUNICIPALITY_CODES } from '../domain/municipalities.js';
import { isoDateTime, municipalityFields, pageQuery, text } from './common.js';
// ── award issue: criteria, climate rule and phase (shared/schemas/award.ts) ──
import { callAwardInputFields, callAwardViewFields } from './award.js';

/** Who suppliers contact about a call (shown on the call page). */
export const contactSchema = z.strictObject({
  name: text(2, 200),
  email: z.email().check(z.maxLength(254)),
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 ()-]{5,30}$/, 'Expected a phone number such as +47 69 00 00 00'))),
});
export type Contact = z.infer<typeof contactSchema>;

/**
 * A CPV 2008 code, 8 digits with or without its check digit (`72212000` or `72212000-4`). The server
 * stores it without the check digit and accepts only codes of the official list (a 400 names the nearest).
 */
export const cpvCode = z
  .string()
  .check(z.regex(CPV_INPUT_PATTERN, 'Expected a CPV 2008 code: 8 digits, optionally with its check digit, e.g. 72212000 or 72212000-4'));

/** Official labels of each code, by code: `{ "72212000": { nb, en } }`. */
export const cpvLabelsSchema = z.record(z.string(), z.object({ nb: z.string(), en: z.string() }));

/** A pre-commercial procurement buys R&D services: the directive's R&D exemption needs such a code. */
export const PCP_NEEDS_RD_CODE = 'A pre-commercial procurement needs an R&D services code (73000000–73120000, 73300000, 73420000 or 73430000)';
const hasRdCode = (codes: readonly string[]) => codes.some((c) => isRdServicesCode(parseCpvInput(c) ?? c));

const nok = z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000_000));

export const budgetSchema = z.strictObject({ min: z.optional(nok), max: z.optional(nok) }).check(
  z.refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, {
    message: 'min must not exceed max',
    path: ['max'],
  }),
);

// ── Matching preferences (issue 11, owned by matching) ─────────────────────────────────────────────
/**
 * Whether locality and SME count when companies are suggested for this call (as a tie-breaker only).
 * Optional: left out, the default follows the procedure (on for market dialogue, off for competitions);
 * see shared/matching/preferences.ts.
 */
export const matchPreferencesSchema = z.strictObject({ locality: z.optional(z.boolean()), sme: z.optional(z.boolean()) });
const matchPreferencesField = { matchPreferences: z.optional(matchPreferencesSchema) };
// ───────────────────────────────────────────────────────────────────────────────────────────────────

const callFields = {
  title: text(3, 200),
  summary: text(10, 1000),
  description: text(10, 20_000),
  domains: z.array(z.enum(DOMAINS)).check(z.minLength(1), z.maxLength(5)),
  cpvCodes: z.array(cpvCode).check(z.maxLength(20)),
  budgetNok: z.optional(budgetSchema),
  deadline: isoDateTime,
  procedure: z.enum(PROCEDURES),
  /** Open phase: questions close here (before the deadline). Omitted: six days before the deadline. */
  questionDeadline: z.optional(isoDateTime),
  /** Open phase: who suppliers contact. Omitted: the publishing user's name and e-mail. */
  contact: z.optional(contactSchema),
  // ── award issue ──
  ...callAwardInputFields,
};

/** questionDeadline, when given, lies before the deadline. */
const questionDeadlineBeforeDeadline = z.refine<{ deadline?: string; questionDeadline?: string }>(
  (c) => c.questionDeadline === undefined || c.deadline === undefined || Date.parse(c.questionDeadline) < Date.parse(c.deadline),
  { message: 'The question deadline must lie before the deadline', path: ['questionDeadline'] },
);

/** Body of POST /api/calls. municipalityCode is taken from the caller, never from here. */
export const callInputSchema = z.strictObject({ ...callFields, ...matchPreferencesField }).check(
  questionDeadlineBeforeDeadline,
  z.refine((c) => c.procedure !== 'pre-commercial' || hasRdCode(c.cpvCodes), { message: PCP_NEEDS_RD_CODE, path: ['cpvCodes'] }),
);
export type CallInput = z.infer<typeof callInputSchema>;

/** Body of PATCH /api/calls/{id}: any subset of the creation fields. */
export const callPatchSchema = z.strictObject({
  title: z.optional(callFields.title),
  summary: z.optional(callFields.summary),
  description: z.optional(callFields.description),
  domains: z.optional(callFields.domains),
  cpvCodes: z.optional(callFields.cpvCodes),
  budgetNok: z.optional(budgetSchema),
  deadline: z.optional(callFields.deadline),
  procedure: z.optional(callFields.procedure),
  ...matchPreferencesField,
  questionDeadline: z.optional(isoDateTime),
  contact: z.optional(contactSchema),
  // ── award issue ──
  ...callAwardInputFields,
  /** Required once the call is published: what changed and why, shown to companies in the change log. */
  changeNote: z.optional(text(10, 2000)),
});
export type CallPatch = z.infer<typeof callPatchSchema>;

export const callSchema = z.object({
  id: z.string(),
  ...municipalityFields,
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  domains: z.array(z.enum(DOMAINS)),
  cpvCodes: z.array(z.string()),
  cpvLabels: z.optional(cpvLabelsSchema),
  budgetNok: z.optional(z.object({ min: z.optional(z.number()), max: z.optional(z.number()) })),
  deadline: isoDateTime,
  procedure: z.enum(PROCEDURES),
  ...matchPreferencesField,
  status: z.enum(CALL_STATUSES),
  version: z.number(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  publishedAt: z.optional(isoDateTime),
  cancelledAt: z.optional(isoDateTime),
  /** Why the municipality cancelled the call (required when cancelling). */
  cancelReason: z.optional(z.string()),
  /** The stored question deadline, or the default one (six days before the deadline, not before publication). */
  questionDeadline: z.optional(isoDateTime),
  contact: z.optional(z.object({ name: z.string(), email: z.string(), phone: z.optional(z.string()) })),
  /** Corrections since publication (GET /api/calls/{id}/changes). */
  changeCount: z.optional(z.number()),
  lastChangedAt: z.optional(isoDateTime),
  /** Set when the call was reused from another municipality's published call. */
  derivedFrom: z.optional(z.object({ callId: z.string(), municipalityCode: z.string(), municipalityName: z.optional(z.string()), title: z.string() })),
  // ── award issue: phase on every call, criteria, and the contract once signed ──
  ...callAwardViewFields,
});
export type Call = z.infer<typeof callSchema>;

const flag = z.enum(['true', 'false']);

export const listCallsQuerySchema = z.object({
  status: z.optional(z.enum(CALL_STATUSES)),
  municipality: z.optional(z.enum(MUNICIPALITY_CODES)),
  /** Two-digit county number (fylkesnummer). */
  county: z.optional(z.string().check(z.regex(/^\d{2}$/, 'Expected a two-digit county number'))),
  domain: z.optional(z.enum(DOMAINS)),
  /** 2–8 digits of a CPV code. */
  cpv: z.optional(z.string().check(z.regex(/^\d{2,8}$/, 'Expected 2–8 digits of a CPV code'))),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  mine: z.optional(flag),
  ...pageQuery,
});
export type ListCallsQuery = z.infer<typeof listCallsQuerySchema>;

export const callIdParams = z.object({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a call id')) });

/** Body of POST /api/calls/{id}/cancel: why (told to everyone with a stake and shown in the feeds). */
export const cancelCallSchema = z.strictObject({ reason: text(10, 2000) });
/** One recorded correction of a published call (GET /api/calls/{id}/changes); changedBy only for the owner. */
export const callChangeSchema = z.object({
  version: z.number(),
  changedAt: isoDateTime,
  changedBy: z.optional(z.string()),
  note: z.string(),
  fields: z.array(z.object({ name: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type CallChange = z.infer<typeof callChangeSchema>;
