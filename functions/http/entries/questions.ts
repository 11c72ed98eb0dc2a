import { createApi } from '../api.js';
import { questionsHandlers } from '../handlers/openphase.js';
import { lazyVerifier } from '../verifier.js';

export const handler = createApi<keyof typeof questionsHandlers>(questionsHandlers, { verifyBearer: lazyVerifier });
