import * as z from 'zod/mini';
import { companyRefSchema, isoDateTime, text } from './common.js';

export const associationSummarySchema = z.object({ id: z.string(), name: z.string(), memberCount: z.number() });

export const promotionSchema = z.object({
  id: z.string(),
  associationId: z.string(),
  associationName: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  municipalityName: z.string(),
  callDeadline: isoDateTime,
  note: z.string(),
  promotedAt: isoDateTime,
  /** Relative link to the call carrying the promotion id, so views through it are counted. */
  link: z.string(),
});
export type Promotion = z.infer<typeof promotionSchema>;

export const associationSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(companyRefSchema),
  promotions: z.array(promotionSchema),
});
export type Association = z.infer<typeof associationSchema>;

export const MEMBERSHIP_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const membershipSchema = z.object({
  associationId: z.string(),
  associationName: z.string(),
  orgNumber: z.string(),
  companyName: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  requestedAt: isoDateTime,
  decidedAt: z.optional(isoDateTime),
});
export type Membership = z.infer<typeof membershipSchema>;

export const membershipListQuerySchema = z.object({ status: z.optional(z.enum(MEMBERSHIP_STATUSES)) });
export const membershipDecisionSchema = z.strictObject({ decision: z.enum(['accept', 'decline']) });
export const associationParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
export const membershipParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  orgNumber: z.string().check(z.minLength(1), z.maxLength(64)),
});

/** Body of POST /api/associations/{id}/promotions. */
export const promotionInputSchema = z.strictObject({
  callId: z.string().check(z.minLength(1), z.maxLength(64)),
  note: text(3, 500),
});

export const reachSchema = z.object({
  promotionId: z.string(),
  associationId: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  promotedAt: isoDateTime,
  /** Page views that arrived through the promotion link. */
  views: z.number(),
  /** Member companies whose users opened the call after the promotion. */
  memberViewers: z.number(),
  /**
   * Proposals submitted by member companies after the promotion; null until the call's municipality has
   * chosen its partners (an outcome exists), because even a count says who is bidding.
   */
  memberProposals: z.nullable(z.number()),
  /** Set while the proposals are sealed (before the deadline). */
  proposalsSealedUntil: z.optional(isoDateTime),
});
export type Reach = z.infer<typeof reachSchema>;

/** Body of POST /api/calls/{id}/views: a page view, through a promotion link or not. */
export const callViewSchema = z.strictObject({ promotionId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))) });
