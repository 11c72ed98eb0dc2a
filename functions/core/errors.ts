import { createError } from '@middy/util';
import type { ProblemSlug } from '../../shared/api/problems.js';

export interface FieldError {
  path: string;
  message: string;
}

/** Parameters of a problem's message (see shared/api/problems.ts for each type's names). */
export type ProblemParams = Record<string, string | number | readonly (string | number)[]>;

/**
 * Errors in Middy's shape (statusCode + expose) carrying what an RFC 9457 problem needs. Use cases throw
 * these; the problem-errors middleware is the only place that turns them into responses.
 */
export function problem(
  status: number,
  detail: string,
  extra: { title?: string; errors?: FieldError[]; headers?: Record<string, string>; type?: ProblemSlug; params?: ProblemParams } = {},
) {
  const err = createError(status, detail, { expose: status < 500 }) as ReturnType<typeof createError> & {
    detail: string;
    title?: string;
    errors?: FieldError[];
    headers?: Record<string, string>;
    type?: ProblemSlug;
    params?: ProblemParams;
  };
  err.detail = detail;
  if (extra.type) err.type = extra.type;
  if (extra.params) err.params = extra.params;
  if (extra.title) err.title = extra.title;
  if (extra.errors) err.errors = extra.errors;
  if (extra.headers) err.headers = extra.headers;
  return err;
}

/**
 * `detail` is the English fallback; clients show the message for `type` (a slug of shared/api/problems.ts)
 * with `params` in the user's language. Without a type the status's generic type is sent.
 */
export const badRequest = (detail: string, errors?: FieldError[]) => problem(400, detail, { errors });
export const unauthorized = (detail = 'Sign in to use this endpoint: send Authorization: Bearer <token>.') =>
  problem(401, detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
export const forbidden = (detail: string) => problem(403, detail);
export const notFound = (detail = 'No such resource.') => problem(404, detail);
export const conflict = (detail: string, type?: ProblemSlug) => problem(409, detail, type ? { type } : {});
