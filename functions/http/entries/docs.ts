import { createApi } from '../api.js';
import { docsHandlers } from '../handlers/docs.js';

export const handler = createApi<keyof typeof docsHandlers>(docsHandlers);
