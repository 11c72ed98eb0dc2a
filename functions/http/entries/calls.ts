import { createApi } from '../api.js';
import { callHandlers } from '../handlers/calls.js';
import { awardCallHandlers } from '../handlers/award.js';
import { lazyVerifier } from '../verifier.js';

export const handler = createApi<keyof typeof callHandlers | keyof typeof awardCallHandlers>(
  { ...callHandlers, ...awardCallHandlers },
  { verifyBearer: lazyVerifier },
);
