import { createApi } from '../api.js';
import { organisationHandlers } from '../handlers/organisations.js';

export const handler = createApi<keyof typeof organisationHandlers>(organisationHandlers);
