import middy from '@middy/core';
import httpRouter from '@middy/http-router';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { routes, type RouteId } from '../../shared/api/contract.js';
import authenticate, { type BearerVerifier } from '../core/middleware/authenticate.js';
import authorizeRoles from '../core/middleware/authorize-roles.js';
import jsonBody from '../core/middleware/json-body.js';
import problemErrors from '../core/middleware/problem-errors.js';
import validateInput from '../core/middleware/validate-input.js';
import { problem } from '../core/errors.js';
import { logger } from '../core/logger.js';
import correlationId from '../core/middleware/correlation-id.js';
import { loadSecrets } from '../core/secrets.js';
import { capacityMetrics } from '../core/metrics.js';
import { metered } from '../data/capacity.js';
import { routeMatcher } from './route-match.js';
import type { ApiEvent, ApiResponse, ApiResult, RouteHandlers, RouteInput } from './types.js';

/** Lambda (payload 2.0) wants cookies in their own field; one Set-Cookie header would also do for one cookie. */
function withCookies(response: ApiResponse): ApiResponse {
  const setCookie = response.headers?.['set-cookie'];
  if (setCookie === undefined) return response;
  const { ['set-cookie']: _drop, ...headers } = response.headers!;
  void _drop;
  return { ...response, headers, cookies: [String(setCookie)] };
}

/**
 * Caching: anything that depends on who asks, or that sets a cookie, is `private, no-store` and varies
 * by Authorization; anonymous public reads may be cached briefly. A handler may set its own.
 */
function cacheHeaders(response: ApiResponse, method: string, audience: string, signedIn: boolean): ApiResponse {
  const headers = { ...response.headers };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'cache-control')) {
    const cacheable =
      method === 'GET' && !signedIn && audience !== 'user' && audience !== 'dev' && (response.statusCode ?? 200) === 200 && headers['set-cookie'] === undefined;
    // Public reads: shared caches may keep them briefly; browsers revalidate, so a user sees their own change at once.
    headers['cache-control'] = cacheable ? 'public, max-age=0, s-maxage=30' : 'private, no-store';
  }
  if (audience === 'user' || audience === 'optional') headers.vary = 'Authorization';
  return { ...response, headers };
}

function toResponse(result: ApiResult): ApiResponse {
  const status = result.status ?? 200;
  if (result.body === undefined) return { statusCode: status, headers: { ...result.headers } };
  // Binary (the archive ZIP): base64 with isBase64Encoded, as API Gateway expects.
  if (result.body instanceof Uint8Array) {
    return { statusCode: status, headers: { ...result.headers }, body: Buffer.from(result.body).toString('base64'), isBase64Encoded: true };
  }
  // Feeds and calendars: the handler sets the content type and hands over the text as it is.
  if (typeof result.body === 'string' && result.headers?.['content-type']) {
    return { statusCode: status, headers: { ...result.headers }, body: result.body };
  }
  const headers = { 'content-type': 'application/json; charset=utf-8', ...result.headers };
  return { statusCode: status, headers, body: JSON.stringify(result.body) };
}

/**
 * One Lambda handler serving the given routes: the whole middleware stack lives here, so every
 * entry point (one per route group in AWS, all routes locally) behaves the same.
 */
export function createApi<Ids extends RouteId>(handlers: RouteHandlers<Ids>, opts: { verifyBearer?: BearerVerifier } = {}) {
  const ids = Object.keys(handlers) as Ids[];
  const matcher = routeMatcher(ids);
  // An 'optional' route has no authorizer in front of it: without a verifier a sent token would be ignored,
  // and a signed-in caller silently treated as anonymous. Refuse to build such a function at all.
  const optional = ids.filter((id) => routes[id].audience === 'optional');
  if (optional.length > 0 && !opts.verifyBearer) {
    throw new Error(`createApi: routes ${optional.join(', ')} read an optional bearer token; pass verifyBearer`);
  }

  const routeTable = ids.map((id) => {
    const spec = routes[id];
    const impl = handlers[id] as (input: RouteInput<Ids>) => Promise<ApiResult>;
    const handler = middy<ApiEvent, ApiResponse>(async (event: ApiEvent) => {
      const input = event.input!;
      const headers = { ...event.headers };
      // Payload 2.0 moves Cookie headers into event.cookies.
      if (event.cookies?.length) headers.cookie = [headers.cookie, ...event.cookies].filter(Boolean).join('; ');
      // Consumed capacity of this request, published per route (EMF) and readable by benches.
      const { value, meter } = await metered(() =>
        impl({ ...input, principal: event.principal, headers, sourceIp: event.requestContext?.http?.sourceIp } as RouteInput<Ids>),
      );
      capacityMetrics(id, meter);
      const response = toResponse(value);
      return withCookies(cacheHeaders(response, spec.method, spec.audience, !!event.principal));
    })
      .use(authenticate({ audience: spec.audience, verifyBearer: opts.verifyBearer }))
      .use(authorizeRoles({ roles: 'roles' in spec ? spec.roles : undefined }))
      .use(jsonBody({ expectsBody: 'body' in spec }))
      .use(
        validateInput({
          params: 'params' in spec ? spec.params : undefined,
          query: 'query' in spec ? spec.query : undefined,
          body: 'body' in spec ? spec.body : undefined,
        }),
      );
    return { method: spec.method, path: spec.path, handler };
  });

  const router = httpRouter({
    routes: routeTable,
    notFoundResponse: ({ method, path }: { method: string; path: string }) => {
      const allowed = matcher.allowed(path);
      if (allowed.length > 0) {
        throw problem(405, `${method} is not allowed on ${path}; use ${allowed.join(', ')}.`, {
          headers: { allow: allowed.join(', ') },
        });
      }
      throw problem(404, `There is no route ${method} ${path}.`);
    },
  });

  return (
    middy<ApiEvent, ApiResponse>()
      // Every log line of the invocation (audit events included) carries the Lambda context and the request's
      // correlation id; keys added during one request are cleared before the next.
      .use(injectLambdaContext(logger, { resetKeys: true }))
      // Signing keys from Secrets Manager, once per container, before the first request needs them.
      .before(async () => void (await loadSecrets()))
      .use(httpHeaderNormalizer())
      .use(correlationId())
      .use(httpSecurityHeaders())
      .use(problemErrors())
      .handler(router as never)
  );
}
