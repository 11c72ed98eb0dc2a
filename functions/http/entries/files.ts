import { createApi } from '../api.js';
import { filesHandlers } from '../handlers/openphase.js';
import { lazyVerifier } from '../verifier.js';

export const handler = createApi<keyof typeof filesHandlers>(filesHandlers, { verifyBearer: lazyVerifier });
