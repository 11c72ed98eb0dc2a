import { createApi } from '../api.js';
import { opendataHandlers } from '../handlers/opendata.js';

export const handler = createApi<keyof typeof opendataHandlers>(opendataHandlers);
