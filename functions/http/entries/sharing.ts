import { createApi } from '../api.js';
import { lazyVerifier } from '../verifier.js';
import { sharingHandlers } from '../handlers/sharing.js';

export const handler = createApi<keyof typeof sharingHandlers>(sharingHandlers, { verifyBearer: lazyVerifier });
