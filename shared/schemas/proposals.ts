import * as z from 'zod/mini';
import { isoDateTime, text } from './common.js';
import { proposalAwardInputFields, proposalAwardViewFields } from './award.js';
import { fileSchema } from './openphase.js';

/** Body of PUT /api/calls/{id}/proposals/mine. The company is the caller's organisation. */
export const proposalInputSchema = z.strictObject({
  summary: text(10, 1000),
  description: text(10, 20_000),
  priceNok: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000_000))),
  partners: z.optional(z.array(text(1, 200)).check(z.maxLength(20))),
  ...proposalAwardInputFields,
});
export type ProposalInput = z.infer<typeof proposalInputSchema>;

export const proposalSchema = z.object({
  callId: z.string(),
  orgNumber: z.string(),
  companyName: z.string(),
  summary: z.string(),
  description: z.string(),
  priceNok: z.optional(z.number()),
  partners: z.array(z.string()),
  submittedAt: isoDateTime,
  updatedAt: isoDateTime,
  ...proposalAwardViewFields,
});
export type Proposal = z.infer<typeof proposalSchema>;

/**
 * The insight copy of a tender (offentleglova § 23 (3)): marked parts replaced, and the attachments as they may be
 * handed out: unmarked ones as sent, a marked one by the company's redacted copy (`redacts` names the original);
 * a marked attachment without a redacted copy is withheld (its id in `withheldAttachments`).
 */
export const insightSchema = z.extend(proposalSchema, {
  attachments: z.array(fileSchema),
  withheldAttachments: z.array(z.string()),
});
export type Insight = z.infer<typeof insightSchema>;

/** What a company sees in its own list: its proposal and where the call stands. */
export const myProposalSchema = z.object({
  ...proposalSchema.shape,
  callTitle: z.string(),
  callDeadline: isoDateTime,
  callStatus: z.string(),
  municipalityName: z.string(),
  /** award issue: where the call stands now (shared/domain/procedure.ts). */
  callPhase: z.optional(z.string()),
});
export type MyProposal = z.infer<typeof myProposalSchema>;
