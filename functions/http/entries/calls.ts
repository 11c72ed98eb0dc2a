import { createApi } from '../api.js';
import { callHandlers } from '../handlers/calls.js';
import { lazyVerifier } from '../verifier.js';

export const handler = createApi<keyof typeof callHandlers>(callHandlers, { verifyBearer: lazyVerifier });
