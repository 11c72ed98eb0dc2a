import { createError } from '@middy/util';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * Errors in Middy's shape (statusCode + expose) carrying what an RFC 9457 problem needs. Use cases throw
 * these; the problem-errors middleware is the only place that turns them into responses.
 */
export function problem(
  status: number,
  detail: string,
  extra: { title?: string; errors?: FieldError[]; headers?: Record<string, string>; type?: string } = {},
) {
  const err = createError(status, detail, { expose: status < 500 }) as ReturnType<typeof createError> & {
    detail: string;
    title?: string;
    errors?: FieldError[];
    headers?: Record<string, string>;
    type?: string;
  };
  err.detail = detail;
  // A slug (e.g. 'deadline-shortened') more specific than the status; problem-errors turns it into a URI.
  if (extra.type) err.type = extra.type;
  if (extra.title) err.title = extra.title;
  if (extra.errors) err.errors = extra.errors;
  if (extra.headers) err.headers = extra.headers;
  return err;
}

export const badRequest = (detail: string, errors?: FieldError[]) => problem(400, detail, { errors });
export const unauthorized = (detail = 'Sign in to use this endpoint: send Authorization: Bearer <token>.') =>
  problem(401, detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
export const forbidden = (detail: string) => problem(403, detail);
export const notFound = (detail = 'No such resource.') => problem(404, detail);
export const conflict = (detail: string, type?: string) => problem(409, detail, type ? { type } : {});
