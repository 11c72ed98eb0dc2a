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
import { callMatchSchema, matchQuerySchema, partnerMatchSchema, slateRequestSchema, slateSchema } from '../schemas/matching.js';
import { page, pageQuery } from '../schemas/common.js';

/**
 * public: anyone, no token read. optional: anyone; a valid token, when sent, is read (an invalid one is a 401).
 * user: a valid token is required (the API Gateway JWT authorizer in AWS). dev: local server only, never deployed.
 */
export type Audience = 'public' | 'optional' | 'user' | 'dev';
/** Route groups become one Lambda function each in AWS. */
export type RouteGroup = 'calls' | 'proposals' | 'organisations' | 'matching' | 'docs' | 'dev';
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
export const DEPLOYED_GROUPS = ['calls', 'proposals', 'organisations', 'matching', 'docs'] as const satisfies readonly RouteGroup[];
