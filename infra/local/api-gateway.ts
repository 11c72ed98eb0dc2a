import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { routes, routeIds } from '../../shared/api/contract.js';
import { routeMatcher } from '../../functions/http/route-match.js';
import { problemResponse } from '../../functions/core/middleware/problem-errors.js';
import type { ApiEvent, ApiResponse } from '../../functions/http/types.js';
import type { Claims } from '../../functions/core/principal.js';

const MAX_BODY = 256 * 1024;
const DRAIN_MAX = 16 * 1024 * 1024;
const matcher = routeMatcher(routeIds);

export type Handler = (event: ApiEvent, context: Context) => Promise<ApiResponse>;

/** Connection-level headers a proxy consumes (RFC 9110 § 7.6.1); API Gateway does not pass them on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Plays API Gateway (HTTP API, payload 2.0) in front of the same handler the Lambdas run, as AWS builds
 * the event: `routeKey` is the matched route (`GET /api/calls/{id}`), cookies are lifted out of the headers
 * into `cookies`, hop-by-hop headers are dropped, and on 'user' routes the bearer token is verified where
 * AWS's JWT authorizer would, with its claims passed on as strings. 'optional' routes have no authorizer
 * in AWS, so here too the token reaches the function, which verifies it itself.
 * Differences from AWS that remain are listed in the README («Local and AWS differences»).
 */
export function apiGateway(handler: Handler, verify: (token: string) => Promise<Claims>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    if (body === 'too-large') {
      return send(res, problemResponse(413, `The request body exceeds the limit of ${MAX_BODY} bytes.`));
    }

    const match = matcher.find(method, url.pathname);
    const audience = match ? routes[match.id].audience : 'public';
    const auth = req.headers.authorization;
    let claims: Claims | undefined;
    if (audience === 'user') {
      const token = auth && /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
      claims = token ? await verify(token).catch(() => undefined) : undefined;
      if (!claims) {
        return send(
          res,
          problemResponse(
            401,
            token ? 'The bearer token is invalid or has expired. Sign in again.' : 'Sign in to use this endpoint: send Authorization: Bearer <token>.',
            {
              headers: { 'www-authenticate': 'Bearer' },
            },
          ),
        );
      }
    }

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined || HOP_BY_HOP.has(k) || k === 'cookie') continue;
      headers[k] = Array.isArray(v) ? v.join(',') : v;
    }
    const cookies = req.headers.cookie?.split(/;\s*/).filter(Boolean);
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;

    const routeKey = match ? `${routes[match.id].method} ${routes[match.id].path}` : '$default';
    const event = {
      version: '2.0',
      routeKey,
      ...(cookies?.length ? { cookies } : {}),
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(cookies ? { cookies } : {}),
      queryStringParameters: Object.keys(query).length ? query : undefined,
      pathParameters: match?.params,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        requestId: randomUUID(),
        routeKey,
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '', userAgent: headers['user-agent'] ?? '' },
        ...(claims ? { authorizer: { jwt: { claims: claimsAsStrings(claims), scopes: [] } } } : {}),
      },
      body: body.length ? body.toString('utf8') : undefined,
      isBase64Encoded: false,
    } as unknown as ApiEvent;

    send(res, await handler(event, { awsRequestId: event.requestContext.requestId } as Context));
  };
}

/**
 * API Gateway hands JWT claims to the function as strings: numbers and booleans in their JSON form, arrays
 * as `[a b]`. Doing the same here keeps code that would only work on typed claims from passing locally.
 */
export function claimsAsStrings(claims: Claims): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(claims)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : String(v);
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Stop buffering past the limit: a hostile upload costs us no memory.
    // Past the limit, keep reading (and discarding) so the client gets a clean 413 instead of a reset;
    // beyond DRAIN_MAX the connection is dropped.
    if (size > DRAIN_MAX) {
      req.destroy();
      return 'too-large';
    }
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY ? 'too-large' : Buffer.concat(chunks);
}

function send(res: ServerResponse, response: ApiResponse): void {
  // Middlewares may leave a header undefined to mean "do not send" (Lambda drops those too).
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {})
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  );
  const out: Record<string, string | string[]> = headers;
  if (response.cookies?.length) out['set-cookie'] = response.cookies;
  res.writeHead(response.statusCode ?? 200, out);
  // Binary bodies (the archive ZIP) arrive base64-encoded, as Lambda hands them to API Gateway.
  res.end(response.isBase64Encoded && response.body ? Buffer.from(response.body, 'base64') : (response.body ?? undefined));
}
