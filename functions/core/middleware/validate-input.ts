import type middy from '@middy/core';
import type * as z from 'zod/mini';
import { badRequest, notFound, type FieldError } from '../errors.js';
import type { ApiEvent } from '../../http/types.js';
import '../zod-messages.js';

const defaults: { params?: z.ZodMiniType; query?: z.ZodMiniType; body?: z.ZodMiniType } = {};

type Issue = z.core.$ZodIssue;

/** One entry per problem, unknown properties named one by one (that is what stops mass assignment). */
export function fieldErrors(issues: readonly Issue[], prefix = ''): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: `Unknown property "${key}" is not allowed`,
      }));
    }
    return [{ path: base || '(body)', message: issue.message }];
  });
}

/**
 * Parses path parameters, query and body with the route's zod schemas into `event.input`.
 * Handlers only ever see parsed values. A path parameter that fails its schema names no resource
 * that can exist, so it is a 404 unless the route says the parameter is input (then 400).
 */
const validateInput = (opts: Partial<typeof defaults> = {}): middy.MiddlewareObj<ApiEvent> => {
  const { params, query, body } = { ...defaults, ...opts };
  const validateInputBefore: middy.MiddlewareFn<ApiEvent> = async (request) => {
    const event = request.event;
    const input: ApiEvent['input'] = { params: {}, query: {}, body: undefined };
    if (params) {
      const r = params.safeParse(event.pathParameters ?? {});
      if (!r.success) {
        const errors = fieldErrors(r.error.issues);
        if (event.requestContext.http.method === 'GET') throw notFound(`No such resource: ${errors[0]?.message ?? ''}`.trim());
        throw badRequest('The path is not valid.', errors);
      }
      input.params = r.data as Record<string, string>;
    }
    if (query) {
      const r = query.safeParse(event.queryStringParameters ?? {});
      if (!r.success) throw badRequest('The query string is not valid.', fieldErrors(r.error.issues));
      input.query = r.data as Record<string, unknown>;
    }
    if (body) {
      const r = body.safeParse(event.parsedBody);
      if (!r.success) throw badRequest('The request body is not valid.', fieldErrors(r.error.issues));
      input.body = r.data;
    }
    event.input = input;
  };
  return { before: validateInputBefore };
};

export default validateInput;
