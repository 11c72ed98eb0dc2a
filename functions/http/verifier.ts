import type { BearerVerifier } from '../core/middleware/authenticate.js';
import { cognitoVerifier } from '../core/cognito-verifier.js';

let verifier: BearerVerifier | undefined | null = null;

/** Built on first use (env is read then, not at import), and reused for the container's life. */
export const lazyVerifier: BearerVerifier = async (token) => {
  if (verifier === null) verifier = cognitoVerifier();
  if (!verifier) throw new Error('No bearer verifier is configured');
  return verifier(token);
};
