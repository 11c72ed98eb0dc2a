/**
 * The API contract as data: one entry per route. The Lambda router, the local server, the CDK API,
 * the OpenAPI document, the web client and the tests all read this table, so a route exists in one place.
 * It imports only zod schemas: infra/ and web/ can read it without pulling in any AWS SDK.
 */
import * as z from 'zod/mini';
import type { Role } from '../domain/vocabulary.js';
import { callInputSchema, callPatchSchema, callSchema, listCallsQuerySchema } from '../schemas/calls.js';
import { myProposalSchema, proposalInputSchema, proposalSchema } from '../schemas/proposals.js';
import {
  companyProfileInputSchema,
  companyProfileSchema,
  meSchema,
  municipalitySchema,
  orgNumberParams,
} from '../schemas/organisations.js';
import { devLoginSchema, devUserSchema } from '../schemas/dev.js';
import {
  associationParams, associationSchema, associationSummarySchema, callViewSchema, membershipDecisionSchema,
  membershipListQuerySchema, membershipParams, membershipSchema, promotionInputSchema, promotionSchema, reachSchema,
} from '../schemas/associations.js';
import { subscriptionInputSchema, subscriptionParams, subscriptionSchema, unsubscribeQuerySchema } from '../schemas/subscriptions.js';
import {
  lessonSchema, lessonsQuerySchema, outcomeInputSchema, outcomeSchema, reuseSchema, similarNeedSchema, similarSchema,
} from '../schemas/sharing.js';
import { programmeStatsSchema } from '../schemas/programme.js';
import { callSchema as callResponse } from '../schemas/calls.js';
import { callMatchSchema, matchQuerySchema, partnerMatchSchema, slateRequestSchema, slateSchema } from '../schemas/matching.js';
import { page, pageQuery } from '../schemas/common.js';

/**
 * public: anyone, no token read. optional: anyone; a valid token, when sent, is read (an invalid one is a 401).
 * user: a valid token is required (the API Gateway JWT authorizer in AWS). dev: local server only, never deployed.
 */
export type Audience = 'public' | 'optional' | 'user' | 'dev';
/** Route groups become one Lambda function each in AWS. */
export type RouteGroup =
  | 'calls' | 'proposals' | 'organisations' | 'matching' | 'associations' | 'subscriptions' | 'sharing' | 'feeds' | 'opendata' | 'programme'
  | 'docs' | 'dev';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  method: Method;
  path: string;
  audience: Audience;
  group: RouteGroup;
  /** Roles allowed past the router; finer rules (which organisation) live in the use case. */
  roles?: readonly Role[];
  summary: string;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  response?: z.ZodMiniType;
  /** Success status when it is not 200. */
  status?: number;
}

const callId = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
const list = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item) });
/** Feeds take the public list's filters (no paging: a feed holds every open call that matches). */
const feedQuerySchema = z.object({
  municipality: listCallsQuerySchema.shape.municipality,
  domain: listCallsQuerySchema.shape.domain,
  q: listCallsQuerySchema.shape.q,
  cpv: z.optional(z.string().check(z.regex(/^\d{2,8}$/, 'Expected 2–8 digits of a CPV code'))),
});

export const routes = {
  listMunicipalities: {
    method: 'GET', path: '/api/municipalities', audience: 'public', group: 'organisations',
    summary: 'The twelve municipalities of Østfold', response: list(municipalitySchema),
  },
  getMe: {
    method: 'GET', path: '/api/me', audience: 'user', group: 'organisations',
    summary: 'The signed-in user and their organisation', response: meSchema,
  },
  getCompany: {
    method: 'GET', path: '/api/companies/{orgNumber}', audience: 'public', group: 'organisations',
    summary: 'Public company profile', params: orgNumberParams, response: companyProfileSchema,
  },
  putCompany: {
    method: 'PUT', path: '/api/companies/{orgNumber}', audience: 'user', group: 'organisations', roles: ['company'],
    summary: "Create or replace the caller's company profile",
    params: orgNumberParams, body: companyProfileInputSchema, response: companyProfileSchema,
  },
  listCalls: {
    method: 'GET', path: '/api/calls', audience: 'optional', group: 'calls',
    summary: 'Open and closed calls, open first and nearest deadline first; mine=true lists a municipality\'s own calls',
    query: listCallsQuerySchema, response: page(callSchema),
  },
  getCall: {
    method: 'GET', path: '/api/calls/{id}', audience: 'optional', group: 'calls',
    summary: 'One call; drafts only to their municipality', params: callId, response: callSchema,
  },
  createCall: {
    method: 'POST', path: '/api/calls', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Create a draft call for the caller\'s municipality', body: callInputSchema, response: callSchema, status: 201,
  },
  updateCall: {
    method: 'PATCH', path: '/api/calls/{id}', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Change a call (If-Match required)', params: callId, body: callPatchSchema, response: callSchema,
  },
  publishCall: {
    method: 'POST', path: '/api/calls/{id}/publish', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Publish a draft: draft → open', params: callId, response: callSchema,
  },
  cancelCall: {
    method: 'POST', path: '/api/calls/{id}/cancel', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Cancel an open or draft call', params: callId, response: callSchema,
  },
  deleteDraftCall: {
    method: 'DELETE', path: '/api/calls/{id}', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Delete a draft that was never published (204; 409 once published: cancel it instead)', params: callId, status: 204,
  },
  putMyProposal: {
    method: 'PUT', path: '/api/calls/{id}/proposals/mine', audience: 'user', group: 'proposals', roles: ['company'],
    summary: "Submit or update the caller's company proposal (201 created, 200 updated)",
    params: callId, body: proposalInputSchema, response: proposalSchema,
  },
  getMyProposal: {
    method: 'GET', path: '/api/calls/{id}/proposals/mine', audience: 'user', group: 'proposals', roles: ['company'],
    summary: "The caller's company proposal to this call", params: callId, response: proposalSchema,
  },
  withdrawMyProposal: {
    method: 'DELETE', path: '/api/calls/{id}/proposals/mine', audience: 'user', group: 'proposals', roles: ['company'],
    summary: 'Withdraw the proposal before the deadline', params: callId, status: 204,
  },
  listProposals: {
    method: 'GET', path: '/api/calls/{id}/proposals', audience: 'user', group: 'proposals',
    summary: "All proposals, for the call's municipality once the deadline has passed (sealed before)",
    params: callId, response: list(proposalSchema),
  },
  listMyProposals: {
    method: 'GET', path: '/api/me/proposals', audience: 'user', group: 'proposals', roles: ['company'],
    summary: "The caller's company proposals, newest first", query: z.object(pageQuery), response: page(myProposalSchema),
  },
  listCallMatches: {
    method: 'GET', path: '/api/calls/{id}/matches', audience: 'user', group: 'matching', roles: ['municipality', 'programme'],
    summary: "Companies best placed to answer a call, with reasons (the call's municipality and the programme owner)",
    params: callId, query: matchQuerySchema, response: list(partnerMatchSchema),
  },
  listMyMatches: {
    method: 'GET', path: '/api/me/matches', audience: 'user', group: 'matching', roles: ['company'],
    summary: "Open calls that fit the caller's company, with reasons", query: matchQuerySchema, response: list(callMatchSchema),
  },
  proposeSlate: {
    method: 'POST', path: '/api/programme/slate', audience: 'user', group: 'matching', roles: ['programme'],
    summary: 'An optimal partner slate for many calls at once, respecting company capacity (programme owner)',
    body: slateRequestSchema, response: slateSchema,
  },
  listAssociations: {
    method: 'GET', path: '/api/associations', audience: 'public', group: 'associations',
    summary: 'Business associations on the platform', response: list(associationSummarySchema),
  },
  getAssociation: {
    method: 'GET', path: '/api/associations/{id}', audience: 'public', group: 'associations',
    summary: 'An association\'s public page: members and promoted calls', params: associationParams, response: associationSchema,
  },
  requestMembership: {
    method: 'POST', path: '/api/associations/{id}/memberships', audience: 'user', group: 'associations', roles: ['company'],
    summary: "The caller's company asks to join (201; 409 if it already asked or is a member)",
    params: associationParams, response: membershipSchema, status: 201,
  },
  listMemberships: {
    method: 'GET', path: '/api/associations/{id}/memberships', audience: 'user', group: 'associations', roles: ['association'],
    summary: "The association's membership requests and members (its own staff)",
    params: associationParams, query: membershipListQuerySchema, response: list(membershipSchema),
  },
  decideMembership: {
    method: 'POST', path: '/api/associations/{id}/memberships/{orgNumber}/decision', audience: 'user', group: 'associations', roles: ['association'],
    summary: 'Accept or decline a membership request (its own staff)',
    params: membershipParams, body: membershipDecisionSchema, response: membershipSchema,
  },
  listMyMemberships: {
    method: 'GET', path: '/api/me/memberships', audience: 'user', group: 'associations', roles: ['company'],
    summary: "The caller's company's memberships", response: list(membershipSchema),
  },
  promoteCall: {
    method: 'POST', path: '/api/associations/{id}/promotions', audience: 'user', group: 'associations', roles: ['association'],
    summary: 'Promote an open call to the members, with a short note (its own staff)',
    params: associationParams, body: promotionInputSchema, response: promotionSchema, status: 201,
  },
  listReach: {
    method: 'GET', path: '/api/associations/{id}/reach', audience: 'user', group: 'associations', roles: ['association', 'programme'],
    summary: 'What each promotion produced: views through the link, member companies that opened the call, member proposals',
    params: associationParams, response: list(reachSchema),
  },
  recordCallView: {
    method: 'POST', path: '/api/calls/{id}/views', audience: 'optional', group: 'associations',
    summary: 'Count a view of a call page (through a promotion link when promotionId is given)',
    params: callId, body: callViewSchema, status: 204,
  },
  listMyFeed: {
    method: 'GET', path: '/api/me/feed', audience: 'user', group: 'associations', roles: ['company'],
    summary: "Calls promoted by the associations the caller's company belongs to, newest first", response: list(promotionSchema),
  },
  listSubscriptions: {
    method: 'GET', path: '/api/me/subscriptions', audience: 'user', group: 'subscriptions', roles: ['company', 'association'],
    summary: "The caller's organisation's saved searches", response: list(subscriptionSchema),
  },
  createSubscription: {
    method: 'POST', path: '/api/me/subscriptions', audience: 'user', group: 'subscriptions', roles: ['company', 'association'],
    summary: 'Subscribe to a saved search: a weekly digest or an immediate notice by e-mail',
    body: subscriptionInputSchema, response: subscriptionSchema, status: 201,
  },
  deleteSubscription: {
    method: 'DELETE', path: '/api/me/subscriptions/{id}', audience: 'user', group: 'subscriptions', roles: ['company', 'association'],
    summary: 'Remove a saved search', params: subscriptionParams, status: 204,
  },
  unsubscribe: {
    method: 'POST', path: '/api/unsubscribe', audience: 'public', group: 'subscriptions',
    summary: 'One-click unsubscribe (RFC 8058) with the signed token from an e-mail', query: unsubscribeQuerySchema,
    response: z.object({ unsubscribed: z.boolean(), name: z.string() }),
  },
  getOutcome: {
    method: 'GET', path: '/api/calls/{id}/outcome', audience: 'optional', group: 'sharing',
    summary: 'What came of a call: public once published; its municipality always', params: callId, response: outcomeSchema,
  },
  putOutcome: {
    method: 'PUT', path: '/api/calls/{id}/outcome', audience: 'user', group: 'sharing', roles: ['municipality'],
    summary: 'Record the outcome of a closed call (its municipality only)', params: callId, body: outcomeInputSchema, response: outcomeSchema,
  },
  listLessons: {
    method: 'GET', path: '/api/lessons', audience: 'public', group: 'sharing',
    summary: 'The public lessons registry: published outcomes, searchable by domain, CPV, municipality, procedure and text',
    query: lessonsQuerySchema, response: page(lessonSchema),
  },
  reuseCall: {
    method: 'POST', path: '/api/calls/{id}/reuse', audience: 'user', group: 'sharing', roles: ['municipality'],
    summary: "Clone a published call into the caller's municipality as a draft, keeping its provenance (derivedFrom)",
    params: callId, response: callResponse, status: 201,
  },
  listReuses: {
    method: 'GET', path: '/api/calls/{id}/reuses', audience: 'public', group: 'sharing',
    summary: 'How many times, and by whom, a call was reused', params: callId, response: reuseSchema,
  },
  listSimilar: {
    method: 'GET', path: '/api/calls/{id}/similar', audience: 'user', group: 'sharing', roles: ['municipality'],
    summary: "Similar calls and lessons from other municipalities (the call's own municipality, e.g. while drafting)",
    params: callId, response: similarSchema,
  },
  listSimilarNeeds: {
    method: 'GET', path: '/api/me/similar-needs', audience: 'user', group: 'sharing', roles: ['municipality'],
    summary: "Other municipalities' open or draft calls that meet the same need as one of the caller's: a joint call?",
    response: list(similarNeedSchema),
  },
  callsFeed: {
    method: 'GET', path: '/api/feeds/calls', audience: 'public', group: 'feeds',
    summary: 'RSS 2.0 feed of open calls; takes the filters of GET /api/calls (and cpv, a CPV prefix)', query: feedQuerySchema,
  },
  deadlinesCalendar: {
    method: 'GET', path: '/api/feeds/deadlines.ics', audience: 'public', group: 'feeds',
    summary: "iCalendar with a VEVENT per open call's deadline; same filters as the RSS feed", query: feedQuerySchema,
  },
  ocdsReleases: {
    method: 'GET', path: '/api/ocds/releases', audience: 'public', group: 'opendata',
    summary: 'OCDS 1.1 release package of published calls (tender, and awards where an outcome is published)',
    query: z.object(pageQuery),
  },
  programmeStats: {
    method: 'GET', path: '/api/programme/stats', audience: 'user', group: 'programme', roles: ['programme'],
    summary: 'The programme dashboard figures (programme owner only)', response: programmeStatsSchema,
  },
  getOpenApi: {
    method: 'GET', path: '/api/openapi.json', audience: 'public', group: 'docs', summary: 'This document',
  },
  listDevUsers: {
    method: 'GET', path: '/api/dev/users', audience: 'dev', group: 'dev',
    summary: 'Local only: demo users to sign in as', response: list(devUserSchema),
  },
  devLogin: {
    method: 'POST', path: '/api/dev/login', audience: 'dev', group: 'dev',
    summary: 'Local only: a token for a demo user', body: devLoginSchema, response: z.object({ token: z.string() }),
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof routes;
export type Routes = typeof routes;

export const routeIds = Object.keys(routes) as RouteId[];

export function routesOfGroup(group: RouteGroup): RouteId[] {
  return routeIds.filter((id) => routes[id].group === group);
}

/** Groups deployed to AWS (everything but the local-only dev routes). */
export const DEPLOYED_GROUPS = [
  'calls', 'proposals', 'organisations', 'matching', 'associations', 'subscriptions', 'sharing', 'feeds', 'opendata', 'programme',
  'docs',
] as const satisfies readonly RouteGroup[];
