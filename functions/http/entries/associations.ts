import { createApi } from '../api.js';
import { lazyVerifier } from '../verifier.js';
import { associationsHandlers } from '../handlers/associations.js';

export const handler = createApi<keyof typeof associationsHandlers>(associationsHandlers, { verifyBearer: lazyVerifier });
