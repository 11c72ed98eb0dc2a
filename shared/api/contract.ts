/**
 * The API contract as data: one entry per route. The Lambda router, the local server, the CDK API,
 * the OpenAPI document, the web client and the tests all read this table, so a route exists in one place.
 * It imports only zod schemas: infra/ and web/ can read it without pulling in any AWS SDK.
 */
import * as z from 'zod/mini';
import type { Role } from '../domain/vocabulary.js';
import { callChangeSchema, callInputSchema, callPatchSchema, callSchema, cancelCallSchema, listCallsQuerySchema } from '../schemas/calls.js';
import {
  answerInputSchema,
  attachmentParams,
  documentParams,
  fileSchema,
  proposalAttachmentParams,
  questionInputSchema,
  questionListSchema,
  questionParams,
  questionSchema,
  questionsQuerySchema,
  removeDocumentSchema,
  uploadDeclarationSchema,
  uploadTicketSchema,
} from '../schemas/openphase.js';
import { insightSchema, myProposalSchema, proposalInputSchema, proposalSchema } from '../schemas/proposals.js';
import {
  companyProfileInputSchema,
  companyProfileSchema,
  meSchema,
  languageInputSchema,
  languageSchema,
  municipalitySchema,
  orgNumberParams,
} from '../schemas/organisations.js';
import { devClockInputSchema, devClockSchema, devLoginSchema, devUserSchema } from '../schemas/dev.js';
import {
  associationParams,
  associationSchema,
  associationSummarySchema,
  callViewSchema,
  membershipDecisionSchema,
  membershipListQuerySchema,
  membershipParams,
  membershipSchema,
  promotionInputSchema,
  promotionSchema,
  reachSchema,
} from '../schemas/associations.js';
import {
  emailConfirmationQuerySchema,
  subscriptionInputSchema,
  subscriptionParams,
  subscriptionSchema,
  unsubscribeQuerySchema,
} from '../schemas/subscriptions.js';
import { lessonSchema, lessonsQuerySchema, outcomeInputSchema, outcomeSchema, reuseSchema, similarNeedSchema, similarSchema } from '../schemas/sharing.js';
import { programmeStatsSchema } from '../schemas/programme.js';
import { cpvQuerySchema, cpvSearchSchema } from '../schemas/cpv.js';
import { callSchema as callResponse } from '../schemas/calls.js';
import { callMatchSchema, matchQuerySchema, partnerMatchSchema, slateRequestSchema, slateSchema } from '../schemas/matching.js';
import { page, pageQuery } from '../schemas/common.js';
import {
  awardInputSchema,
  contractInputSchema,
  decisionSchema,
  evaluationInputSchema,
  evaluationParams,
  evaluationSchema,
  evaluationTableSchema,
  impartialityInputSchema,
  impartialitySchema,
  letterPreviewSchema,
  letterSchema,
  protocolSchema,
  programmePhasesSchema,
  proposalsQuerySchema,
  selectionInputSchema,
  withdrawInputSchema,
} from '../schemas/award.js';

/**
 * public: anyone, no token read. optional: anyone; a valid token, when sent, is read (an invalid one is a 401).
 * user: a valid token is required (the API Gateway JWT authorizer in AWS). dev: local server only, never deployed.
 */
export type Audience = 'public' | 'optional' | 'user' | 'dev';
/** Route groups become one Lambda function each in AWS. */
export type RouteGroup =
  | 'calls'
  | 'proposals'
  | 'organisations'
  | 'matching'
  | 'associations'
  | 'subscriptions'
  | 'sharing'
  | 'feeds'
  | 'opendata'
  | 'programme'
  | 'questions'
  | 'files'
  | 'docs'
  | 'dev';
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
const proposalAttachmentsParams = z.object({ id: callId.shape.id, orgNumber: proposalAttachmentParams.shape.orgNumber });

/** Resources served by more than one method: the path and the schema of its parameters, declared together. */
const companyAt = { path: '/api/companies/{orgNumber}', params: orgNumberParams } as const;
const callAt = { path: '/api/calls/{id}', params: callId } as const;
const myProposalAt = { path: '/api/calls/{id}/proposals/mine', params: callId } as const;
const outcomeAt = { path: '/api/calls/{id}/outcome', params: callId } as const;
const documentAt = { path: '/api/calls/{id}/documents/{docId}', params: documentParams } as const;
const evaluationAt = { path: '/api/calls/{id}/evaluations/{orgNumber}', params: evaluationParams } as const;

// Who may call a route, in a word each (see Audience): the table below then reads one route per two lines.
const anyone = { audience: 'public' } as const;
const anyoneTokenRead = { audience: 'optional' } as const;
const signedIn = { audience: 'user' } as const;
const localOnly = { audience: 'dev' } as const;
/** Signed in with one of these roles. */
const only = <const R extends readonly Role[]>(...roles: R) => ({ audience: 'user', roles }) as const;
/** Language of feeds and open data (else Accept-Language, else nb). */
const feedLangSchema = z.optional(z.enum(['nb', 'en']));
/** Feeds take the public list's filters (no paging: a feed holds every open call that matches). */
const feedQuerySchema = z.object({
  lang: feedLangSchema,
  municipality: listCallsQuerySchema.shape.municipality,
  domain: listCallsQuerySchema.shape.domain,
  q: listCallsQuerySchema.shape.q,
  cpv: z.optional(z.string().check(z.regex(/^\d{2,8}$/, 'Expected 2–8 digits of a CPV code'))),
});

export const routes = {
  listMunicipalities: {
    method: 'GET',
    path: '/api/municipalities',
    group: 'organisations',
    ...anyone,
    response: list(municipalitySchema),
    summary: 'The twelve municipalities of Østfold',
  },
  getMe: { method: 'GET', path: '/api/me', group: 'organisations', ...signedIn, response: meSchema, summary: 'The signed-in user and their organisation' },
  putMyLanguage: {
    method: 'PUT',
    path: '/api/me/language',
    group: 'organisations',
    ...signedIn,
    body: languageInputSchema,
    response: languageSchema,
    summary: "The signed-in user's language (nb or en): e-mails to them follow it",
  },
  getCompany: { method: 'GET', ...companyAt, group: 'organisations', ...anyone, response: companyProfileSchema, summary: 'Public company profile' },
  putCompany: {
    method: 'PUT',
    ...companyAt,
    group: 'organisations',
    ...only('company'),
    body: companyProfileInputSchema,
    response: companyProfileSchema,
    summary: "Create or replace the caller's company profile",
  },
  listCalls: {
    method: 'GET',
    path: '/api/calls',
    group: 'calls',
    ...anyoneTokenRead,
    query: listCallsQuerySchema,
    response: page(callSchema),
    summary: "Open and closed calls, open first and nearest deadline first; mine=true lists a municipality's own calls",
  },
  getCall: { method: 'GET', ...callAt, group: 'calls', ...anyoneTokenRead, response: callSchema, summary: 'One call; drafts only to their municipality' },
  createCall: {
    method: 'POST',
    path: '/api/calls',
    group: 'calls',
    ...only('municipality'),
    body: callInputSchema,
    response: callSchema,
    status: 201,
    summary: "Create a draft call for the caller's municipality",
  },
  updateCall: {
    method: 'PATCH',
    ...callAt,
    group: 'calls',
    ...only('municipality'),
    body: callPatchSchema,
    response: callSchema,
    summary: 'Change a call (If-Match required; a published call needs changeNote, its deadline only moves later, and each change is recorded)',
  },
  listCallChanges: {
    method: 'GET',
    path: '/api/calls/{id}/changes',
    group: 'calls',
    ...anyoneTokenRead,
    params: callId,
    response: list(callChangeSchema),
    summary: 'The change log of a published call, oldest first (who changed it only for its municipality; empty for drafts)',
  },
  publishCall: {
    method: 'POST',
    path: '/api/calls/{id}/publish',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    response: callSchema,
    summary: 'Publish a draft: draft → open',
  },
  cancelCall: {
    method: 'POST',
    path: '/api/calls/{id}/cancel',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    body: cancelCallSchema,
    response: callSchema,
    summary: 'Cancel a call in any phase until its contract is signed, with a reason everyone with a stake is told',
  },
  deleteDraftCall: {
    method: 'DELETE',
    ...callAt,
    group: 'calls',
    ...only('municipality'),
    status: 204,
    summary: 'Delete a draft that was never published (204; 409 once published: cancel it instead)',
  },
  putMyProposal: {
    method: 'PUT',
    ...myProposalAt,
    group: 'proposals',
    ...only('company'),
    body: proposalInputSchema,
    response: proposalSchema,
    summary: "Submit or update the caller's company proposal (201 created, 200 updated)",
  },
  getMyProposal: {
    method: 'GET',
    ...myProposalAt,
    group: 'proposals',
    ...only('company'),
    query: proposalsQuerySchema,
    response: proposalSchema,
    summary: "The caller's company proposal to this call (stage=request|tender; by default the tender once selected)",
  },
  withdrawMyProposal: {
    method: 'DELETE',
    ...myProposalAt,
    group: 'proposals',
    ...only('company'),
    status: 204,
    summary: 'Withdraw the proposal before the deadline',
  },
  listProposals: {
    method: 'GET',
    path: '/api/calls/{id}/proposals',
    group: 'proposals',
    ...signedIn,
    params: callId,
    query: proposalsQuerySchema,
    response: list(proposalSchema),
    summary:
      "All answers of a stage (stage=request|tender, default the current one), for the call's municipality once the stage's deadline has passed (sealed before) and only after the reader has declared impartiality",
  },
  listMyProposals: {
    method: 'GET',
    path: '/api/me/proposals',
    group: 'proposals',
    ...only('company'),
    query: z.object(pageQuery),
    response: page(myProposalSchema),
    summary: "The caller's company proposals, newest first",
  },
  listCallMatches: {
    method: 'GET',
    path: '/api/calls/{id}/matches',
    group: 'matching',
    ...only('municipality', 'programme'),
    params: callId,
    query: matchQuerySchema,
    response: list(partnerMatchSchema),
    summary: "Companies best placed to answer a call, with reasons (the call's municipality and the programme owner)",
  },
  listMyMatches: {
    method: 'GET',
    path: '/api/me/matches',
    group: 'matching',
    ...only('company'),
    query: matchQuerySchema,
    response: list(callMatchSchema),
    summary: "Open calls that fit the caller's company, with reasons",
  },
  proposeSlate: {
    method: 'POST',
    path: '/api/programme/slate',
    group: 'programme',
    ...only('programme'),
    body: slateRequestSchema,
    response: slateSchema,
    summary: 'An optimal partner slate for many calls at once, respecting company capacity (programme owner)',
  },
  listAssociations: {
    method: 'GET',
    path: '/api/associations',
    group: 'associations',
    ...anyone,
    response: list(associationSummarySchema),
    summary: 'Business associations on the platform',
  },
  getAssociation: {
    method: 'GET',
    path: '/api/associations/{id}',
    group: 'associations',
    ...anyone,
    params: associationParams,
    response: associationSchema,
    summary: "An association's public page: members and promoted calls",
  },
  requestMembership: {
    method: 'POST',
    path: '/api/associations/{id}/memberships',
    group: 'associations',
    ...only('company'),
    params: associationParams,
    response: membershipSchema,
    status: 201,
    summary: "The caller's company asks to join (201; 409 if it already asked or is a member)",
  },
  listMemberships: {
    method: 'GET',
    path: '/api/associations/{id}/memberships',
    group: 'associations',
    ...only('association'),
    params: associationParams,
    query: membershipListQuerySchema,
    response: list(membershipSchema),
    summary: "The association's membership requests and members (its own staff)",
  },
  decideMembership: {
    method: 'POST',
    path: '/api/associations/{id}/memberships/{orgNumber}/decision',
    group: 'associations',
    ...only('association'),
    params: membershipParams,
    body: membershipDecisionSchema,
    response: membershipSchema,
    summary: 'Accept or decline a membership request (its own staff)',
  },
  listMyMemberships: {
    method: 'GET',
    path: '/api/me/memberships',
    group: 'associations',
    ...only('company'),
    response: list(membershipSchema),
    summary: "The caller's company's memberships",
  },
  promoteCall: {
    method: 'POST',
    path: '/api/associations/{id}/promotions',
    group: 'associations',
    ...only('association'),
    params: associationParams,
    body: promotionInputSchema,
    response: promotionSchema,
    status: 201,
    summary: 'Promote an open call to the members, with a short note (its own staff); once per call: promoting again changes the note (200)',
  },
  listReach: {
    method: 'GET',
    path: '/api/associations/{id}/reach',
    group: 'associations',
    ...only('association', 'programme'),
    params: associationParams,
    response: list(reachSchema),
    summary: 'What each promotion produced: views through the link, member companies that opened the call, member proposals',
  },
  recordCallView: {
    method: 'POST',
    path: '/api/calls/{id}/views',
    group: 'associations',
    ...anyoneTokenRead,
    params: callId,
    body: callViewSchema,
    status: 204,
    summary: 'Count a view of a call page (through a promotion link when promotionId is given)',
  },
  listMyFeed: {
    method: 'GET',
    path: '/api/me/feed',
    group: 'associations',
    ...only('company'),
    response: list(promotionSchema),
    summary: "Calls promoted by the associations the caller's company belongs to, newest first",
  },
  listSubscriptions: {
    method: 'GET',
    path: '/api/me/subscriptions',
    group: 'subscriptions',
    ...only('company', 'association'),
    response: list(subscriptionSchema),
    summary: "The caller's organisation's saved searches",
  },
  createSubscription: {
    method: 'POST',
    path: '/api/me/subscriptions',
    group: 'subscriptions',
    ...only('company', 'association'),
    body: subscriptionInputSchema,
    response: subscriptionSchema,
    status: 201,
    summary: 'Subscribe to a saved search: a weekly digest or an immediate notice by e-mail',
  },
  deleteSubscription: {
    method: 'DELETE',
    path: '/api/me/subscriptions/{id}',
    group: 'subscriptions',
    ...only('company', 'association'),
    params: subscriptionParams,
    status: 204,
    summary: 'Remove a saved search',
  },
  unsubscribe: {
    method: 'POST',
    path: '/api/unsubscribe',
    group: 'subscriptions',
    ...anyone,
    query: unsubscribeQuerySchema,
    response: z.object({ unsubscribed: z.boolean(), name: z.string() }),
    summary: 'One-click unsubscribe (RFC 8058) with the signed token from an e-mail',
  },
  confirmEmailPage: {
    method: 'GET',
    path: '/api/email-confirmations',
    group: 'subscriptions',
    ...anyone,
    query: emailConfirmationQuerySchema,
    summary: 'The page the confirmation link opens: one button that confirms (a GET never changes anything, so link scanners cannot confirm)',
  },
  confirmEmail: {
    method: 'POST',
    path: '/api/email-confirmations',
    group: 'subscriptions',
    ...anyone,
    query: emailConfirmationQuerySchema,
    response: z.object({ confirmed: z.boolean(), email: z.string() }),
    summary: "Confirm an e-mail address for an organisation's notices with the signed token from the confirmation message",
  },
  getOutcome: {
    method: 'GET',
    ...outcomeAt,
    group: 'sharing',
    ...anyoneTokenRead,
    response: outcomeSchema,
    summary: 'What came of a call: public once published; its municipality always',
  },
  putOutcome: {
    method: 'PUT',
    ...outcomeAt,
    group: 'sharing',
    ...only('municipality'),
    body: outcomeInputSchema,
    response: outcomeSchema,
    summary: 'Record the outcome of a closed call (its municipality only)',
  },
  listLessons: {
    method: 'GET',
    path: '/api/lessons',
    group: 'sharing',
    ...anyone,
    query: lessonsQuerySchema,
    response: page(lessonSchema),
    summary: 'The public lessons registry: published outcomes, searchable by domain, CPV, municipality, procedure and text',
  },
  reuseCall: {
    method: 'POST',
    path: '/api/calls/{id}/reuse',
    group: 'sharing',
    ...only('municipality'),
    params: callId,
    response: callResponse,
    status: 201,
    summary: "Clone a published call into the caller's municipality as a draft, keeping its provenance (derivedFrom)",
  },
  listReuses: {
    method: 'GET',
    path: '/api/calls/{id}/reuses',
    group: 'sharing',
    ...anyone,
    params: callId,
    response: reuseSchema,
    summary: 'How many times, and by whom, a call was reused',
  },
  listSimilar: {
    method: 'GET',
    path: '/api/calls/{id}/similar',
    group: 'sharing',
    ...only('municipality'),
    params: callId,
    response: similarSchema,
    summary: "Similar calls and lessons from other municipalities (the call's own municipality, e.g. while drafting)",
  },
  listSimilarNeeds: {
    method: 'GET',
    path: '/api/me/similar-needs',
    group: 'sharing',
    ...only('municipality'),
    response: list(similarNeedSchema),
    summary: "Other municipalities' open or draft calls that meet the same need as one of the caller's: a joint call?",
  },
  callsFeed: {
    method: 'GET',
    path: '/api/feeds/calls',
    group: 'feeds',
    ...anyone,
    query: feedQuerySchema,
    summary: 'RSS 2.0 feed of open calls; takes the filters of GET /api/calls (and cpv, a CPV prefix)',
  },
  deadlinesCalendar: {
    method: 'GET',
    path: '/api/feeds/deadlines.ics',
    group: 'feeds',
    ...anyone,
    query: feedQuerySchema,
    summary: "iCalendar with a VEVENT per open call's deadline; same filters as the RSS feed",
  },
  ocdsReleases: {
    method: 'GET',
    path: '/api/ocds/releases',
    group: 'opendata',
    ...anyone,
    query: z.object({ ...pageQuery, lang: feedLangSchema }),
    summary:
      'OCDS 1.1 release package: every release of each published call (planning, tender, updates, cancellation, award); `limit` calls a page; lang or Accept-Language (nb, en)',
  },
  ocdsRecord: {
    method: 'GET',
    path: '/api/ocds/records/{ocid}',
    group: 'opendata',
    ...anyone,
    params: z.object({ ocid: z.string().check(z.minLength(1), z.maxLength(100)) }),
    query: z.object({ lang: feedLangSchema }),
    summary: 'OCDS 1.1 record package for one contracting process: its releases and the compiled release',
  },
  searchCpv: {
    method: 'GET',
    path: '/api/cpv',
    group: 'opendata',
    ...anyone,
    query: cpvQuerySchema,
    response: cpvSearchSchema,
    summary: 'Search the official CPV 2008 list by word or code prefix (nb or en), or look up codes; each hit with its hierarchy',
  },
  programmeStats: {
    method: 'GET',
    path: '/api/programme/stats',
    group: 'programme',
    ...only('programme'),
    response: programmeStatsSchema,
    summary: 'The programme dashboard figures (programme owner only)',
  },
  // ---- open phase: questions and answers, documents, proposal attachments (issue «While a call is open») ----
  askQuestion: {
    method: 'POST',
    path: '/api/calls/{id}/questions',
    group: 'questions',
    ...only('company', 'municipality'),
    params: callId,
    body: questionInputSchema,
    response: questionSchema,
    status: 201,
    summary: 'A company asks a question (open call, before the question deadline); the owner may publish a clarification { text, answer }',
  },
  listQuestions: {
    method: 'GET',
    path: '/api/calls/{id}/questions',
    group: 'questions',
    ...anyoneTokenRead,
    params: callId,
    query: questionsQuerySchema,
    response: questionListSchema,
    summary: "Answered questions (nothing identifies the asker); the owner sees all with the asker; mine=true a company's own",
  },
  answerQuestion: {
    method: 'POST',
    path: '/api/calls/{id}/questions/{questionId}/answer',
    group: 'questions',
    ...only('municipality'),
    params: questionParams,
    body: answerInputSchema,
    response: questionSchema,
    summary: 'Answer a question, or correct an answer (kept in history); everyone with a stake is told, without the asker',
  },
  declareDocument: {
    method: 'POST',
    path: '/api/calls/{id}/documents',
    group: 'files',
    ...only('municipality'),
    params: callId,
    body: uploadDeclarationSchema,
    response: uploadTicketSchema,
    status: 201,
    summary: 'Declare a call document; the answer says where to PUT the bytes. On a published call a correction (changeNote)',
  },
  listDocuments: {
    method: 'GET',
    path: '/api/calls/{id}/documents',
    group: 'files',
    ...anyoneTokenRead,
    params: callId,
    response: list(fileSchema),
    summary: 'Verified documents of a call (public once published)',
  },
  downloadDocument: {
    method: 'GET',
    ...documentAt,
    group: 'files',
    ...anyoneTokenRead,
    status: 302,
    summary: '302 to a short-lived URL serving the document (Content-Disposition: attachment)',
  },
  removeDocument: {
    method: 'DELETE',
    ...documentAt,
    group: 'files',
    ...only('municipality'),
    body: removeDocumentSchema,
    status: 204,
    summary: 'Remove a document; on a published call a correction ({ changeNote })',
  },
  declareAttachment: {
    method: 'POST',
    path: '/api/calls/{id}/proposals/mine/attachments',
    group: 'files',
    ...only('company'),
    params: callId,
    body: uploadDeclarationSchema,
    response: uploadTicketSchema,
    status: 201,
    summary: "Declare a file for the caller's proposal while the call is open; sealed like the proposal",
  },
  listMyAttachments: {
    method: 'GET',
    path: '/api/calls/{id}/proposals/mine/attachments',
    group: 'files',
    ...only('company'),
    params: callId,
    response: list(fileSchema),
    summary: "Verified attachments of the caller's proposal",
  },
  removeMyAttachment: {
    method: 'DELETE',
    path: '/api/calls/{id}/proposals/mine/attachments/{attachmentId}',
    group: 'files',
    ...only('company'),
    params: attachmentParams,
    status: 204,
    summary: "Remove an attachment from the caller's proposal while the call is open",
  },
  listProposalAttachments: {
    method: 'GET',
    path: '/api/calls/{id}/proposals/{orgNumber}/attachments',
    group: 'files',
    ...only('municipality'),
    params: proposalAttachmentsParams,
    response: list(fileSchema),
    summary: "A proposal's attachments: the call's municipality, after the deadline (sealed before; every attempt audited)",
  },
  downloadProposalAttachment: {
    method: 'GET',
    path: '/api/calls/{id}/proposals/{orgNumber}/attachments/{attachmentId}',
    group: 'files',
    ...only('municipality'),
    params: proposalAttachmentParams,
    status: 302,
    summary: '302 to a short-lived URL serving a proposal attachment: the owner, after the deadline',
  },
  // ---- end of the open-phase block ----
  // ── award issue: from deadline to contract ──
  declareImpartiality: {
    method: 'POST',
    path: '/api/calls/{id}/impartiality',
    group: 'proposals',
    ...only('municipality'),
    params: callId,
    body: impartialityInputSchema,
    response: impartialitySchema,
    status: 201,
    summary: 'The caller declares impartiality (or not, with a reason) for this call, once, after the deadline; required before reading any answer',
  },
  listImpartiality: {
    method: 'GET',
    path: '/api/calls/{id}/impartiality',
    group: 'proposals',
    ...only('municipality'),
    params: callId,
    response: z.object({
      items: z.array(impartialitySchema),
      participants: z.array(z.object({ orgNumber: z.string(), name: z.string() })),
      mine: z.nullable(impartialitySchema),
    }),
    summary: "Impartiality declarations on this call, the caller's own, and the companies that answered (owner)",
  },
  putEvaluation: {
    method: 'PUT',
    ...evaluationAt,
    group: 'proposals',
    ...only('municipality'),
    body: evaluationInputSchema,
    response: evaluationSchema,
    summary: 'Score one tender on the non-price criteria (201 first, then If-Match required: 428/412); price is scored by formula',
  },
  getOneEvaluation: {
    method: 'GET',
    ...evaluationAt,
    group: 'proposals',
    ...only('municipality'),
    response: evaluationSchema,
    summary: "One tender's evaluation with its ETag (owner, impartial)",
  },
  getEvaluation: {
    method: 'GET',
    path: '/api/calls/{id}/evaluation',
    group: 'proposals',
    ...only('municipality'),
    params: callId,
    response: evaluationTableSchema,
    summary: 'The evaluation table: criteria, scores (price by formula), weighted scores, totals and ranks, best first (owner, impartial)',
  },
  getInsight: {
    method: 'GET',
    path: '/api/calls/{id}/insight/{orgNumber}',
    group: 'proposals',
    ...only('municipality'),
    params: evaluationParams,
    response: insightSchema,
    summary:
      'Insight copy of a tender for an innsynskrav: parts marked as business secrets replaced by «[unntatt offentlighet]», marked attachments by the redacted copies (owner, after the award decision)',
  },
  selectCompanies: {
    method: 'POST',
    path: '/api/calls/{id}/selection',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    body: selectionInputSchema,
    response: callSchema,
    status: 201,
    summary: 'Two-stage procedures: select who may tender, with reasons and a tender deadline ≥ 10 days ahead; letters to every requester',
  },
  previewAward: {
    method: 'POST',
    path: '/api/calls/{id}/award/preview',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    body: awardInputSchema,
    response: letterPreviewSchema,
    summary: 'The award letters as they would be sent, without deciding anything',
  },
  awardCall: {
    method: 'POST',
    path: '/api/calls/{id}/award',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    body: awardInputSchema,
    response: z.object({ call: callSchema, decision: decisionSchema }),
    status: 201,
    summary: 'Award decision (every tender evaluated): winners, reasons, standstill (default 10 days); one letter per tenderer',
  },
  listDecisions: {
    method: 'GET',
    path: '/api/calls/{id}/award',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    response: list(decisionSchema),
    summary: 'Selection and award decisions on the call, withdrawn ones included, with letter delivery (owner)',
  },
  getAwardLetter: {
    method: 'GET',
    path: '/api/calls/{id}/award/letter',
    group: 'calls',
    ...only('company'),
    params: callId,
    response: letterSchema,
    summary: "The caller's company's letter for the current award decision",
  },
  withdrawAward: {
    method: 'POST',
    path: '/api/calls/{id}/award/withdraw',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    body: withdrawInputSchema,
    response: callSchema,
    summary: 'Withdraw the award decision during the standstill, with a reason; letters to every tenderer; back to evaluation',
  },
  recordContract: {
    method: 'POST',
    path: '/api/calls/{id}/contract',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    body: contractInputSchema,
    response: callSchema,
    status: 201,
    summary: 'Record the signed contract after the standstill: phase contracted; winners, reasons and value become public',
  },
  listCallLetters: {
    method: 'GET',
    path: '/api/calls/{id}/letters',
    group: 'calls',
    ...only('municipality', 'company'),
    params: callId,
    response: list(letterSchema),
    summary: "Letters on this call: a company's own, or all of them for the owner",
  },
  getProtocol: {
    method: 'GET',
    path: '/api/calls/{id}/protocol',
    group: 'calls',
    ...only('municipality', 'programme'),
    params: callId,
    response: protocolSchema,
    summary: 'The anskaffelsesprotokoll from the recorded events (Accept: text/html gives a printable page in bokmål)',
  },
  getArchive: {
    method: 'GET',
    path: '/api/calls/{id}/archive',
    group: 'calls',
    ...only('municipality'),
    params: callId,
    summary: 'ZIP archive package (protocol, call versions, proposals, letters as .eml, metadata.json with checksums) once contracted, concluded or cancelled',
  },
  programmePhases: {
    method: 'GET',
    path: '/api/programme/phases',
    group: 'programme',
    ...only('programme'),
    response: programmePhasesSchema,
    summary: 'Calls per phase across all municipalities, median days from publication to contract, and calls stuck in a phase',
  },
  getOpenApi: { method: 'GET', path: '/api/openapi.json', group: 'docs', ...anyone, summary: 'This document' },
  listDevUsers: {
    method: 'GET',
    path: '/api/dev/users',
    group: 'dev',
    ...localOnly,
    response: list(devUserSchema),
    summary: 'Local only: demo users to sign in as',
  },
  devLogin: {
    method: 'POST',
    path: '/api/dev/login',
    group: 'dev',
    ...localOnly,
    body: devLoginSchema,
    response: z.object({ token: z.string() }),
    summary: 'Local only: a token for a demo user',
  },
  getDevClock: {
    method: 'GET',
    path: '/api/dev/clock',
    group: 'dev',
    ...localOnly,
    response: devClockSchema,
    summary: "Local only: the server's notion of now",
  },
  setDevClock: {
    method: 'POST',
    path: '/api/dev/clock',
    group: 'dev',
    ...localOnly,
    body: devClockInputSchema,
    response: devClockSchema,
    summary: 'Local only: move the server clock forward ({ advance: "P7D" }) or set it ({ set: instant })',
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
  'calls',
  'proposals',
  'organisations',
  'matching',
  'associations',
  'subscriptions',
  'sharing',
  'feeds',
  'opendata',
  'programme',
  'questions',
  'files',
  'docs',
] as const satisfies readonly RouteGroup[];
