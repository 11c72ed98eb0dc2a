import type middy from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger } from '../logger.js';
import type { FieldError } from '../errors.js';

/** Problem types more specific than their status; everything else is about:blank (RFC 9457 §4.2.1). */
const TYPES: Record<number, string> = {
  400: 'urn:innovasjonstorget:problem:bad-request',
  412: 'urn:innovasjonstorget:problem:stale-version',
  428: 'urn:innovasjonstorget:problem:precondition-required',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 412: 'Precondition Failed', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 428: 'Precondition Required', 429: 'Too Many Requests', 500: 'Internal Server Error',
};

interface HttpishError {
  statusCode?: number;
  expose?: boolean;
  message?: string;
  detail?: string;
  title?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** A problem slug such as 'deadline-shortened' (or a full URI); wins over the status's default type. */
  type?: string;
}

/** A slug becomes our URN; a type that is already a URI (urn:…, https:…) is kept as it is. */
export const problemTypeUri = (slug: string) => (/^[a-z][a-z0-9+.-]*:/i.test(slug) ? slug : `urn:innovasjonstorget:problem:${slug}`);

export function problemResponse(status: number, detail: string, extra: Omit<HttpishError, 'statusCode'> = {}) {
  const body = {
    type: extra.type ? problemTypeUri(extra.type) : TYPES[status] ?? 'about:blank',
    title: extra.title ?? TITLES[status] ?? 'Error',
    status,
    detail,
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
