import type { BearerVerifier } from '../core/middleware/authenticate.js';

let verifier: Promise<BearerVerifier | undefined> | null = null;

/**
 * Built on first use (env is read then, not at import), and reused for the container's life. The JWT library
 * loads then too: only requests to 'optional' routes that carry a token need it (API Gateway checks the rest).
 */
export const lazyVerifier: BearerVerifier = async (token) => {
  verifier ??= import('../core/cognito-verifier.js').then((m) => m.cognitoVerifier());
  const verify = await verifier;
  if (!verify) throw new Error('No bearer verifier is configured');
  return verify(token);
};
