import { createApi } from '../api.js';
import { programmeHandlers } from '../handlers/programme.js';

export const handler = createApi<keyof typeof programmeHandlers>(programmeHandlers);
