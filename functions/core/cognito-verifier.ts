import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { BearerVerifier } from './middleware/authenticate.js';
import { config } from './config.js';
import type { Claims } from './principal.js';

/**
 * For 'optional' routes in AWS, which have no authorizer: the same check API Gateway makes (Cognito ID
 * token, our app client). Undefined locally, where the local server has already verified the token.
 */
export function cognitoVerifier(): BearerVerifier | undefined {
  const cognito = config().cognito;
  if (!cognito) return undefined;
  const verifier = CognitoJwtVerifier.create({ userPoolId: cognito.userPoolId, clientId: cognito.clientId, tokenUse: 'id' });
  return async (token) => (await verifier.verify(token)) as unknown as Claims;
}
