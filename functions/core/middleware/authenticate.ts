import type middy from '@middy/core';
import type { Audience } from '../../../shared/api/contract.js';
import { unauthorized } from '../errors.js';
import { principalFromClaims, type Claims, type Principal } from '../principal.js';
import type { ApiEvent } from '../../http/types.js';

export type BearerVerifier = (token: string) => Promise<Claims>;

const defaults: { audience: Audience; verifyBearer?: BearerVerifier } = { audience: 'user' };

/**
 * Reads the caller from `requestContext.authorizer.jwt.claims`, where API Gateway's JWT authorizer (AWS)
 * and the local server both put them. 'optional' routes have no authorizer in AWS, so a bearer token
 * sent to them is verified here (Cognito via aws-jwt-verify), and an invalid one is refused, never ignored.
 */
const authenticate = (opts: Partial<typeof defaults> = {}): middy.MiddlewareObj<ApiEvent> => {
  const { audience, verifyBearer } = { ...defaults, ...opts };
  const authenticateBefore: middy.MiddlewareFn<ApiEvent> = async (request) => {
    if (audience === 'public' || audience === 'dev') return;
    const event = request.event;
    let claims = event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
    const header = event.headers?.authorization;
    if (!claims && header && audience === 'optional' && verifyBearer) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token) throw unauthorized('The Authorization header must be "Bearer <token>".');
      claims = await verifyBearer(token).catch(() => {
        throw unauthorized('The bearer token is invalid or has expired. Sign in again.');
      });
    }
    const principal: Principal | undefined = claims ? principalFromClaims(claims) : undefined;
    if (claims && !principal) throw unauthorized('The token does not name a user, organisation and role.');
    if (!principal && audience !== 'optional') throw unauthorized();
    event.principal = principal;
  };
  return { before: authenticateBefore };
};

export default authenticate;
