import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { BearerVerifier } from './middleware/authenticate.js';
import { config } from './config.js';
import type { Claims } from './principal.js';

type Jwks = Parameters<ReturnType<typeof CognitoJwtVerifier.create>['cacheJwks']>[0];

/**
 * For 'optional' routes in AWS, which have no authorizer: the same check API Gateway makes (Cognito ID
 * token, our app client). Undefined locally, where the dev-token verifier takes its place. `jwks` primes the
 * key cache (tests use a local key set; in AWS the keys are fetched from the pool on first use).
 */
export function cognitoVerifier(opts: { jwks?: Jwks } = {}): BearerVerifier | undefined {
  const cognito = config().cognito;
  if (!cognito) return undefined;
  const verifier = CognitoJwtVerifier.create({ userPoolId: cognito.userPoolId, clientId: cognito.clientId, tokenUse: 'id' });
  if (opts.jwks) verifier.cacheJwks(opts.jwks);
  return async (token) => (await verifier.verify(token)) as unknown as Claims;
}
