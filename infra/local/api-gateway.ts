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

/**
 * Plays API Gateway (HTTP API, payload 2.0) in front of the same handler the Lambdas run: builds the
 * event, verifies the bearer token where AWS's JWT authorizer would (plus on 'optional' routes, where
 * the function verifies in AWS), and puts the claims where the authorizer puts them.
 * Unlike API Gateway (which answers {"message":"Unauthorized"}), its 401s are problem+json too.
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
    if (audience === 'user' || (audience === 'optional' && auth)) {
      const token = auth && /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
      claims = token ? await verify(token).catch(() => undefined) : undefined;
      if (!claims) {
        return send(
          res,
          problemResponse(401, token ? 'The bearer token is invalid or has expired. Sign in again.' : 'Sign in to use this endpoint: send Authorization: Bearer <token>.', {
            headers: { 'www-authenticate': 'Bearer' },
          }),
        );
      }
    }

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && k !== 'cookie') headers[k] = Array.isArray(v) ? v.join(',') : v;
    // Like API Gateway (payload 2.0): cookies arrive in their own field, not as a header.
    const cookies = req.headers.cookie ? req.headers.cookie.split(/;\s*/).filter(Boolean) : undefined;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;

    const event = {
      version: '2.0',
      routeKey: '$default',
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
        routeKey: '$default',
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '', userAgent: headers['user-agent'] ?? '' },
        ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
      },
      body: body.length ? body.toString('utf8') : undefined,
      isBase64Encoded: false,
    } as unknown as ApiEvent;

    send(res, await handler(event, { awsRequestId: event.requestContext.requestId } as Context));
  };
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
    Object.entries(response.headers ?? {}).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]),
  );
  const out: Record<string, string | string[]> = headers;
  if (response.cookies?.length) out['set-cookie'] = response.cookies;
  res.writeHead(response.statusCode ?? 200, out);
  res.end(response.body ?? undefined);
}
