import { createApi } from '../api.js';
import { matchingHandlers } from '../handlers/matching.js';

export const handler = createApi<keyof typeof matchingHandlers>(matchingHandlers);
