/**
 * The API contract as data: one entry per route. The Lambda router, the local server, the CDK API,
 * the OpenAPI document, the web client and the tests all read this table, so a route exists in one place.
 * It imports only zod schemas: infra/ and web/ can read it without pulling in any AWS SDK.
 */
import * as z from 'zod/mini';
import type { Role } from '../domain/vocabulary.js';
import { callChangeSchema, callInputSchema, callPatchSchema, callSchema, cancelCallSchema, listCallsQuerySchema } from '../schemas/calls.js';
import {
  answerInputSchema, attachmentParams, documentParams, fileSchema, proposalAttachmentParams, questionInputSchema, questionListSchema,
  questionParams, questionSchema, questionsQuerySchema, removeDocumentSchema, uploadDeclarationSchema, uploadTicketSchema,
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
  associationParams, associationSchema, associationSummarySchema, callViewSchema, membershipDecisionSchema,
  membershipListQuerySchema, membershipParams, membershipSchema, promotionInputSchema, promotionSchema, reachSchema,
} from '../schemas/associations.js';
import {
  emailConfirmationQuerySchema, subscriptionInputSchema, subscriptionParams, subscriptionSchema, unsubscribeQuerySchema,
} from '../schemas/subscriptions.js';
import {
  lessonSchema, lessonsQuerySchema, outcomeInputSchema, outcomeSchema, reuseSchema, similarNeedSchema, similarSchema,
} from '../schemas/sharing.js';
import { programmeStatsSchema } from '../schemas/programme.js';
import { cpvQuerySchema, cpvSearchSchema } from '../schemas/cpv.js';
import { callSchema as callResponse } from '../schemas/calls.js';
import { callMatchSchema, matchQuerySchema, partnerMatchSchema, slateRequestSchema, slateSchema } from '../schemas/matching.js';
import { page, pageQuery } from '../schemas/common.js';
import {
  awardInputSchema, contractInputSchema, decisionSchema, evaluationInputSchema, evaluationParams, evaluationSchema,
  evaluationTableSchema, impartialityInputSchema, impartialitySchema, letterPreviewSchema, letterSchema, protocolSchema,
  programmePhasesSchema, proposalsQuerySchema, selectionInputSchema, withdrawInputSchema,
} from '../schemas/award.js';

/**
 * public: anyone, no token read. optional: anyone; a valid token, when sent, is read (an invalid one is a 401).
 * user: a valid token is required (the API Gateway JWT authorizer in AWS). dev: local server only, never deployed.
 */
export type Audience = 'public' | 'optional' | 'user' | 'dev';
/** Route groups become one Lambda function each in AWS. */
export type RouteGroup =
  | 'calls' | 'proposals' | 'organisations' | 'matching' | 'associations' | 'subscriptions' | 'sharing' | 'feeds' | 'opendata' | 'programme'
  | 'questions' | 'files' | 'docs' | 'dev';
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
    method: 'GET', path: '/api/municipalities', audience: 'public', group: 'organisations',
    summary: 'The twelve municipalities of Østfold', response: list(municipalitySchema),
  },
  getMe: {
    method: 'GET', path: '/api/me', audience: 'user', group: 'organisations',
    summary: 'The signed-in user and their organisation', response: meSchema,
  },
  putMyLanguage: {
    method: 'PUT', path: '/api/me/language', audience: 'user', group: 'organisations',
    summary: "The signed-in user's language (nb or en): e-mails to them follow it", body: languageInputSchema, response: languageSchema,
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
    summary: 'Change a call (If-Match required; a published call needs changeNote, its deadline only moves later, and each change is recorded)', params: callId, body: callPatchSchema, response: callSchema,
  },
  listCallChanges: {
    method: 'GET', path: '/api/calls/{id}/changes', audience: 'optional', group: 'calls',
    summary: 'The change log of a published call, oldest first (who changed it only for its municipality; empty for drafts)',
    params: callId, response: list(callChangeSchema),
  },
  publishCall: {
    method: 'POST', path: '/api/calls/{id}/publish', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Publish a draft: draft → open', params: callId, response: callSchema,
  },
  cancelCall: {
    method: 'POST', path: '/api/calls/{id}/cancel', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Cancel a call in any phase until its contract is signed, with a reason everyone with a stake is told',
    params: callId, body: cancelCallSchema, response: callSchema,
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
    summary: "The caller's company proposal to this call (stage=request|tender; by default the tender once selected)",
    params: callId, query: proposalsQuerySchema, response: proposalSchema,
  },
  withdrawMyProposal: {
    method: 'DELETE', path: '/api/calls/{id}/proposals/mine', audience: 'user', group: 'proposals', roles: ['company'],
    summary: 'Withdraw the proposal before the deadline', params: callId, status: 204,
  },
  listProposals: {
    method: 'GET', path: '/api/calls/{id}/proposals', audience: 'user', group: 'proposals',
    summary: "All answers of a stage (stage=request|tender, default the current one), for the call's municipality once the stage's deadline has passed (sealed before) and only after the reader has declared impartiality",
    params: callId, query: proposalsQuerySchema, response: list(proposalSchema),
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
    method: 'POST', path: '/api/programme/slate', audience: 'user', group: 'programme', roles: ['programme'],
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
    summary: 'Promote an open call to the members, with a short note (its own staff); once per call: promoting again changes the note (200)',
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
  confirmEmailPage: {
    method: 'GET', path: '/api/email-confirmations', audience: 'public', group: 'subscriptions',
    summary: 'The page the confirmation link opens: one button that confirms (a GET never changes anything, so link scanners cannot confirm)',
    query: emailConfirmationQuerySchema,
  },
  confirmEmail: {
    method: 'POST', path: '/api/email-confirmations', audience: 'public', group: 'subscriptions',
    summary: "Confirm an e-mail address for an organisation's notices with the signed token from the confirmation message",
    query: emailConfirmationQuerySchema, response: z.object({ confirmed: z.boolean(), email: z.string() }),
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
    summary: 'OCDS 1.1 release package: every release of each published call (planning, tender, updates, cancellation, award); `limit` calls a page; lang or Accept-Language (nb, en)',
    query: z.object({ ...pageQuery, lang: feedLangSchema }),
  },
  ocdsRecord: {
    method: 'GET', path: '/api/ocds/records/{ocid}', audience: 'public', group: 'opendata',
    summary: 'OCDS 1.1 record package for one contracting process: its releases and the compiled release',
    params: z.object({ ocid: z.string().check(z.minLength(1), z.maxLength(100)) }),
    query: z.object({ lang: feedLangSchema }),
  },
  searchCpv: {
    method: 'GET', path: '/api/cpv', audience: 'public', group: 'opendata',
    summary: 'Search the official CPV 2008 list by word or code prefix (nb or en), or look up codes; each hit with its hierarchy',
    query: cpvQuerySchema, response: cpvSearchSchema,
  },
  programmeStats: {
    method: 'GET', path: '/api/programme/stats', audience: 'user', group: 'programme', roles: ['programme'],
    summary: 'The programme dashboard figures (programme owner only)', response: programmeStatsSchema,
  },
  // ---- open phase: questions and answers, documents, proposal attachments (issue «While a call is open») ----
  askQuestion: {
    method: 'POST', path: '/api/calls/{id}/questions', audience: 'user', group: 'questions', roles: ['company', 'municipality'],
    summary: 'A company asks a question (open call, before the question deadline); the owner may publish a clarification { text, answer }',
    params: callId, body: questionInputSchema, response: questionSchema, status: 201,
  },
  listQuestions: {
    method: 'GET', path: '/api/calls/{id}/questions', audience: 'optional', group: 'questions',
    summary: 'Answered questions (nothing identifies the asker); the owner sees all with the asker; mine=true a company\'s own',
    params: callId, query: questionsQuerySchema, response: questionListSchema,
  },
  answerQuestion: {
    method: 'POST', path: '/api/calls/{id}/questions/{questionId}/answer', audience: 'user', group: 'questions', roles: ['municipality'],
    summary: 'Answer a question, or correct an answer (kept in history); everyone with a stake is told, without the asker',
    params: questionParams, body: answerInputSchema, response: questionSchema,
  },
  declareDocument: {
    method: 'POST', path: '/api/calls/{id}/documents', audience: 'user', group: 'files', roles: ['municipality'],
    summary: 'Declare a call document; the answer says where to PUT the bytes. On a published call a correction (changeNote)',
    params: callId, body: uploadDeclarationSchema, response: uploadTicketSchema, status: 201,
  },
  listDocuments: {
    method: 'GET', path: '/api/calls/{id}/documents', audience: 'optional', group: 'files',
    summary: 'Verified documents of a call (public once published)', params: callId, response: list(fileSchema),
  },
  downloadDocument: {
    method: 'GET', path: '/api/calls/{id}/documents/{docId}', audience: 'optional', group: 'files',
    summary: '302 to a short-lived URL serving the document (Content-Disposition: attachment)', params: documentParams, status: 302,
  },
  removeDocument: {
    method: 'DELETE', path: '/api/calls/{id}/documents/{docId}', audience: 'user', group: 'files', roles: ['municipality'],
    summary: 'Remove a document; on a published call a correction ({ changeNote })', params: documentParams, body: removeDocumentSchema, status: 204,
  },
  declareAttachment: {
    method: 'POST', path: '/api/calls/{id}/proposals/mine/attachments', audience: 'user', group: 'files', roles: ['company'],
    summary: "Declare a file for the caller's proposal while the call is open; sealed like the proposal",
    params: callId, body: uploadDeclarationSchema, response: uploadTicketSchema, status: 201,
  },
  listMyAttachments: {
    method: 'GET', path: '/api/calls/{id}/proposals/mine/attachments', audience: 'user', group: 'files', roles: ['company'],
    summary: "Verified attachments of the caller's proposal", params: callId, response: list(fileSchema),
  },
  removeMyAttachment: {
    method: 'DELETE', path: '/api/calls/{id}/proposals/mine/attachments/{attachmentId}', audience: 'user', group: 'files', roles: ['company'],
    summary: "Remove an attachment from the caller's proposal while the call is open", params: attachmentParams, status: 204,
  },
  listProposalAttachments: {
    method: 'GET', path: '/api/calls/{id}/proposals/{orgNumber}/attachments', audience: 'user', group: 'files', roles: ['municipality'],
    summary: "A proposal's attachments: the call's municipality, after the deadline (sealed before; every attempt audited)",
    params: z.object({ id: callId.shape.id, orgNumber: proposalAttachmentParams.shape.orgNumber }), response: list(fileSchema),
  },
  downloadProposalAttachment: {
    method: 'GET', path: '/api/calls/{id}/proposals/{orgNumber}/attachments/{attachmentId}', audience: 'user', group: 'files', roles: ['municipality'],
    summary: '302 to a short-lived URL serving a proposal attachment: the owner, after the deadline', params: proposalAttachmentParams, status: 302,
  },
  // ---- end of the open-phase block ----
  // ── award issue: from deadline to contract ──
  declareImpartiality: {
    method: 'POST', path: '/api/calls/{id}/impartiality', audience: 'user', group: 'proposals', roles: ['municipality'],
    summary: "The caller declares impartiality (or not, with a reason) for this call, once, after the deadline; required before reading any answer",
    params: callId, body: impartialityInputSchema, response: impartialitySchema, status: 201,
  },
  listImpartiality: {
    method: 'GET', path: '/api/calls/{id}/impartiality', audience: 'user', group: 'proposals', roles: ['municipality'],
    summary: "Impartiality declarations on this call, the caller's own, and the companies that answered (owner)",
    params: callId,
    response: z.object({ items: z.array(impartialitySchema), participants: z.array(z.object({ orgNumber: z.string(), name: z.string() })), mine: z.nullable(impartialitySchema) }),
  },
  putEvaluation: {
    method: 'PUT', path: '/api/calls/{id}/evaluations/{orgNumber}', audience: 'user', group: 'proposals', roles: ['municipality'],
    summary: 'Score one tender on the non-price criteria (201 first, then If-Match required: 428/412); price is scored by formula',
    params: evaluationParams, body: evaluationInputSchema, response: evaluationSchema,
  },
  getOneEvaluation: {
    method: 'GET', path: '/api/calls/{id}/evaluations/{orgNumber}', audience: 'user', group: 'proposals', roles: ['municipality'],
    summary: 'One tender\'s evaluation with its ETag (owner, impartial)', params: evaluationParams, response: evaluationSchema,
  },
  getEvaluation: {
    method: 'GET', path: '/api/calls/{id}/evaluation', audience: 'user', group: 'proposals', roles: ['municipality'],
    summary: 'The evaluation table: criteria, scores (price by formula), weighted scores, totals and ranks, best first (owner, impartial)',
    params: callId, response: evaluationTableSchema,
  },
  getInsight: {
    method: 'GET', path: '/api/calls/{id}/insight/{orgNumber}', audience: 'user', group: 'proposals', roles: ['municipality'],
    summary: 'Insight copy of a tender for an innsynskrav: parts marked as business secrets replaced by «[unntatt offentlighet]», marked attachments by the redacted copies (owner, after the award decision)',
    params: evaluationParams, response: insightSchema,
  },
  selectCompanies: {
    method: 'POST', path: '/api/calls/{id}/selection', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Two-stage procedures: select who may tender, with reasons and a tender deadline ≥ 10 days ahead; letters to every requester',
    params: callId, body: selectionInputSchema, response: callSchema, status: 201,
  },
  previewAward: {
    method: 'POST', path: '/api/calls/{id}/award/preview', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'The award letters as they would be sent, without deciding anything', params: callId, body: awardInputSchema, response: letterPreviewSchema,
  },
  awardCall: {
    method: 'POST', path: '/api/calls/{id}/award', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Award decision (every tender evaluated): winners, reasons, standstill (default 10 days); one letter per tenderer',
    params: callId, body: awardInputSchema, response: z.object({ call: callSchema, decision: decisionSchema }), status: 201,
  },
  listDecisions: {
    method: 'GET', path: '/api/calls/{id}/award', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Selection and award decisions on the call, withdrawn ones included, with letter delivery (owner)',
    params: callId, response: list(decisionSchema),
  },
  getAwardLetter: {
    method: 'GET', path: '/api/calls/{id}/award/letter', audience: 'user', group: 'calls', roles: ['company'],
    summary: "The caller's company's letter for the current award decision", params: callId, response: letterSchema,
  },
  withdrawAward: {
    method: 'POST', path: '/api/calls/{id}/award/withdraw', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Withdraw the award decision during the standstill, with a reason; letters to every tenderer; back to evaluation',
    params: callId, body: withdrawInputSchema, response: callSchema,
  },
  recordContract: {
    method: 'POST', path: '/api/calls/{id}/contract', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'Record the signed contract after the standstill: phase contracted; winners, reasons and value become public',
    params: callId, body: contractInputSchema, response: callSchema, status: 201,
  },
  listCallLetters: {
    method: 'GET', path: '/api/calls/{id}/letters', audience: 'user', group: 'calls', roles: ['municipality', 'company'],
    summary: "Letters on this call: a company's own, or all of them for the owner", params: callId, response: list(letterSchema),
  },
  getProtocol: {
    method: 'GET', path: '/api/calls/{id}/protocol', audience: 'user', group: 'calls', roles: ['municipality', 'programme'],
    summary: 'The anskaffelsesprotokoll from the recorded events (Accept: text/html gives a printable page in bokmål)',
    params: callId, response: protocolSchema,
  },
  getArchive: {
    method: 'GET', path: '/api/calls/{id}/archive', audience: 'user', group: 'calls', roles: ['municipality'],
    summary: 'ZIP archive package (protocol, call versions, proposals, letters as .eml, metadata.json with checksums) once contracted, concluded or cancelled',
    params: callId,
  },
  programmePhases: {
    method: 'GET', path: '/api/programme/phases', audience: 'user', group: 'programme', roles: ['programme'],
    summary: 'Calls per phase across all municipalities, median days from publication to contract, and calls stuck in a phase',
    response: programmePhasesSchema,
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
  getDevClock: {
    method: 'GET', path: '/api/dev/clock', audience: 'dev', group: 'dev',
    summary: "Local only: the server's notion of now", response: devClockSchema,
  },
  setDevClock: {
    method: 'POST', path: '/api/dev/clock', audience: 'dev', group: 'dev',
    summary: 'Local only: move the server clock forward ({ advance: "P7D" }) or set it ({ set: instant })',
    body: devClockInputSchema, response: devClockSchema,
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
  'questions', 'files', 'docs',
] as const satisfies readonly RouteGroup[];
