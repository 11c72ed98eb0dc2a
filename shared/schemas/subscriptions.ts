import * as z from 'zod/mini';
import { DOMAINS } from '../domain/vocabulary.js';
import { MUNICIPALITY_CODES } from '../domain/municipalities.js';
import { isoDateTime, text } from './common.js';

/** The saved search: the same filters as GET /api/calls, plus a CPV prefix (2–8 digits). */
export const savedSearchSchema = z.strictObject({
  cpvPrefix: z.optional(z.string().check(z.regex(/^\d{2,8}$/, 'Expected 2–8 digits of a CPV code'))),
  municipality: z.optional(z.enum(MUNICIPALITY_CODES)),
  domain: z.optional(z.enum(DOMAINS)),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/** Body of POST /api/me/subscriptions. */
export const subscriptionInputSchema = z.strictObject({
  name: text(2, 100),
  filters: savedSearchSchema,
  /** weekly: a digest each Monday; immediate: a notice when a matching call is published. */
  frequency: z.enum(['weekly', 'immediate']),
  email: z.email().check(z.maxLength(254)),
  /** Associations only: send to every accepted member company's contact e-mail as well. */
  forMembers: z.optional(z.boolean()),
});
export type SubscriptionInput = z.infer<typeof subscriptionInputSchema>;

export const subscriptionSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  filters: z.object({ cpvPrefix: z.optional(z.string()), municipality: z.optional(z.string()), domain: z.optional(z.string()), q: z.optional(z.string()) }),
  frequency: z.enum(['weekly', 'immediate']),
  email: z.string(),
  /** False until someone clicks the link in the one confirmation message; nothing else is sent before. */
  emailConfirmed: z.optional(z.boolean()),
  forMembers: z.boolean(),
  createdAt: isoDateTime,
  /** Feed URLs for the same saved search. */
  feeds: z.object({ rss: z.string(), ics: z.string() }),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const subscriptionParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
export const unsubscribeQuerySchema = z.object({ token: z.string().check(z.minLength(10), z.maxLength(512)) });

export const emailConfirmationQuerySchema = z.object({ token: z.string().check(z.minLength(10), z.maxLength(1024)) });
