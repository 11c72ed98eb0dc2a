/**
 * Every problem the API can answer with, as data: a stable slug (the end of the problem+json `type` URI),
 * its HTTP status and the names (and kinds) of the parameters its message needs. The server sends the
 * code and the parameters; each client supplies the words in its own language (the web: bokmål and
 * English, messages `problem_<slug with _>` in web/messages/*.json; a unit test fails when one is
 * missing). `detail` stays in every response as an English fallback for API users.
 *
 * Adding a problem: add it here, give it an nb and an en message, then throw it with
 * `problem(status, detail, { type: 'slug', params })` from functions/core/errors.ts.
 */

/** How a client should format a parameter: dates in Europe/Oslo, statuses as words, lists joined. */
export type ProblemParamKind = 'datetime' | 'status' | 'number' | 'text' | 'list';

export interface ProblemSpec {
  status: number;
  params?: Record<string, ProblemParamKind>;
}

/** The problem+json `type` of a slug. A URN, so nobody expects it to resolve to a page. */
export const PROBLEM_TYPE_PREFIX = 'urn:innovasjonstorget:problem:';

export const problemTypes = {
  // ---- generic, one per status: the type a problem gets when its throw site names none ----
  'bad-request': { status: 400 },
  unauthorized: { status: 401 },
  forbidden: { status: 403 },
  'not-found': { status: 404 },
  'method-not-allowed': { status: 405 },
  conflict: { status: 409 },
  'stale-version': { status: 412 },
  'payload-too-large': { status: 413, params: { bytes: 'number', limit: 'number' } },
  'unsupported-media-type': { status: 415 },
  'precondition-required': { status: 428 },
  'rate-limited': { status: 429 },
  internal: { status: 500 },
  unavailable: { status: 503 },

  // ---- 400: requests the API cannot take ----
  /** validate-input: body, query or path does not match the contract (field errors in `errors`). */
  validation: { status: 400 },
  /** json-body */
  'body-required': { status: 400 },
  'body-not-allowed': { status: 400 },
  'invalid-json': { status: 400 },
  /** data/cursor, list-calls, lessons, ocds-releases */
  'invalid-cursor': { status: 400 },
  /** list-calls without mine=true and a status other than open/closed */
  'status-not-listed': { status: 400 },
  /** update-call */
  'invalid-if-match': { status: 400 },
  /** create-call, update-call */
  'deadline-in-past': { status: 400 },
  /** publish-call */
  'deadline-passed': { status: 400, params: { deadline: 'datetime' } },
  /** propose-slate */
  'slate-calls-not-open': { status: 400, params: { callIds: 'list' } },
  /** record-call-view */
  'promotion-other-call': { status: 400 },
  /** outcome */
  'unknown-partners': { status: 400, params: { orgNumbers: 'list' } },
  /** create-subscription */
  'members-only-associations': { status: 400 },
  /** unsubscribe-token */
  'unsubscribe-token-invalid': { status: 400 },
  /** award/decisions selection: the tender deadline lies less than ten days ahead */
  'tender-deadline-too-soon': { status: 400, params: { earliest: 'datetime' } },

  // ---- 401 ----
  /** authenticate: the Authorization header is not "Bearer <token>" */
  'bad-authorization-header': { status: 401 },
  /** authenticate: bad signature or expired */
  'token-invalid': { status: 401 },
  /** authenticate: the token lacks user, organisation or role */
  'token-incomplete': { status: 401 },
  /** list-calls mine=true without a token */
  'sign-in-required': { status: 401 },

  // ---- 403 ----
  /** authorize-roles */
  'role-not-allowed': { status: 403, params: { roles: 'list', role: 'text' } },
  /** calls/view: only the owning municipality changes a call */
  'call-owner-only': { status: 403 },
  /** list-calls mine=true */
  'municipality-only': { status: 403 },
  /** get-me */
  'organisation-not-registered': { status: 403 },
  /** list-my-matches, submit-proposal, associations/access */
  'not-a-company': { status: 403 },
  /** list-call-matches */
  'matches-owner-only': { status: 403 },
  /** read-proposals */
  'proposals-owner-only': { status: 403, params: { municipality: 'text' } },
  /** read-proposals, before the deadline */
  'proposals-sealed': { status: 403, params: { until: 'datetime' } },
  /** associations/access */
  'association-staff-only': { status: 403 },
  /** associations/reach */
  'reach-forbidden': { status: 403 },
  /** company-profile */
  'own-profile-only': { status: 403 },
  /** subscriptions */
  'subscriptions-not-allowed': { status: 403 },
  /** sharing/similar */
  'similar-owner-only': { status: 403 },
  /** sharing/outcome */
  'outcome-owner-only': { status: 403 },

  // ---- 404 ----
  'route-not-found': { status: 404 },
  'call-not-found': { status: 404 },
  'company-not-found': { status: 404, params: { orgNumber: 'text' } },
  'association-not-found': { status: 404 },
  'proposal-not-found': { status: 404 },
  'promotion-not-found': { status: 404 },
  'membership-request-not-found': { status: 404 },
  'outcome-not-found': { status: 404 },
  'subscription-not-found': { status: 404 },
  'demo-user-not-found': { status: 404 },

  // ---- 409: the request was fine, the state of the thing is not ----
  'call-not-editable': { status: 409, params: { status: 'status' } },
  'call-not-cancellable': { status: 409, params: { status: 'status' } },
  'call-not-draft': { status: 409, params: { status: 'status' } },
  /** DELETE /api/calls/{id} on a call that has been published */
  'call-not-deletable': { status: 409, params: { status: 'status' } },
  'call-not-open': { status: 409, params: { status: 'status' } },
  'promotion-call-not-open': { status: 409, params: { status: 'status' } },
  'call-not-closed': { status: 409, params: { status: 'status' } },
  'call-never-published': { status: 409 },
  'already-member': { status: 409, params: { company: 'text', association: 'text' } },
  'membership-pending': { status: 409, params: { company: 'text', association: 'text' } },
  'membership-decided': { status: 409 },
  'subscription-limit': { status: 409, params: { max: 'number' } },

  /** update-call: a published deadline only moves later (issue 7) */
  'deadline-shortened': { status: 409 },
  /** update-call, documents: a correction less than six days before the deadline must move it (issue 9) */
  'deadline-too-close': { status: 409, params: { earliest: 'datetime' } },
  /** create-call, reuse: at most 200 open drafts per municipality */
  'draft-limit': { status: 409 },
  /** company-profile: «kommune», a municipality's or another organisation's name */
  'organisation-name-taken': { status: 409 },
  /** Idempotency-Key: the first request with this key is still running, or the key came with another body */
  'idempotency-in-progress': { status: 409 },
  'idempotency-key-reused': { status: 422 },
  /** award: reading answers needs a declaration of impartiality (a «not impartial» one reads nothing) */
  'impartiality-required': { status: 403 },

  // ---- 412 ----
  'version-conflict': { status: 412, params: { expected: 'number', current: 'number' } },
} as const satisfies Record<string, ProblemSpec>;

export type ProblemSlug = keyof typeof problemTypes;

/** The slug each status falls back to when a throw site names no type. */
export const GENERIC_PROBLEM: Record<number, ProblemSlug> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'stale-version',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  428: 'precondition-required',
  429: 'rate-limited',
  500: 'internal',
  503: 'unavailable',
};

export const problemTypeUri = (slug: ProblemSlug): string => PROBLEM_TYPE_PREFIX + slug;

/** The slug at the end of a problem `type` (URN or URL), if it is one of ours. */
export function problemSlug(type: string | undefined | null): ProblemSlug | undefined {
  if (!type) return undefined;
  const slug = type.slice(Math.max(type.lastIndexOf(':'), type.lastIndexOf('/')) + 1);
  return Object.hasOwn(problemTypes, slug) ? (slug as ProblemSlug) : undefined;
}

export function isProblemSlug(slug: string): slug is ProblemSlug {
  return Object.hasOwn(problemTypes, slug);
}
