import { createApi } from '../api.js';
import { feedsHandlers } from '../handlers/feeds.js';

export const handler = createApi<keyof typeof feedsHandlers>(feedsHandlers);
