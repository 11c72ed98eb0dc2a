import type middy from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger } from '../logger.js';
import type { FieldError, ProblemParams } from '../errors.js';
import { GENERIC_PROBLEM, isProblemSlug, PROBLEM_TYPE_PREFIX, problemTypeUri, type ProblemSlug } from '../../../shared/api/problems.js';

/**
 * The problem `type`: the throw site's slug, else the generic one for the status (shared/api/problems.ts),
 * else about:blank (RFC 9457 §4.2.1). Clients render their own words from the type and `params`.
 */
function typeOf(status: number, slug: string | undefined): string {
  // A throw site may name the type by slug or by its full URN.
  const named = slug?.startsWith(PROBLEM_TYPE_PREFIX) ? slug.slice(PROBLEM_TYPE_PREFIX.length) : slug;
  const s = named && isProblemSlug(named) ? named : GENERIC_PROBLEM[status];
  return s ? problemTypeUri(s) : 'about:blank';
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

interface HttpishError {
  statusCode?: number;
  expose?: boolean;
  message?: string;
  detail?: string;
  title?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** A slug of shared/api/problems.ts, or its full URN. */
  type?: ProblemSlug | string;
  params?: ProblemParams;
}

export function problemResponse(status: number, detail: string, extra: Omit<HttpishError, 'statusCode'> = {}) {
  const body = {
    type: typeOf(status, extra.type),
    title: extra.title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    ...(extra.params ? { params: extra.params } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return {
    statusCode: status,
    headers: { 'cache-control': 'no-store', ...extra.headers, 'content-type': 'application/problem+json' },
    body: JSON.stringify(body),
  } satisfies APIGatewayProxyResultV2;
}

const defaults = {};

/**
 * The one place errors become responses: every failure leaves as application/problem+json.
 * Errors a client caused (status < 500 and exposed) say what was wrong; anything else is logged and
 * answered with a generic 500 so internals never leak.
 */
const problemErrors = (opts: Partial<typeof defaults> = {}): middy.MiddlewareObj => {
  void { ...defaults, ...opts };
  const problemErrorsOnError: middy.MiddlewareFn = async (request) => {
    const err = (request.error ?? {}) as HttpishError;
    const status = err.statusCode;
    if (status && status < 500 && err.expose !== false) {
      request.response = problemResponse(status, err.detail ?? err.message ?? TITLES[status] ?? 'Error', err);
      return;
    }
    logger.error('unhandled error', { error: request.error as Error });
    request.response = problemResponse(500, 'Something went wrong on our side. Nothing was changed by a failed write; please try again.');
  };
  return { onError: problemErrorsOnError };
};

export default problemErrors;
