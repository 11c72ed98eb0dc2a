import { createApi } from '../api.js';
import { subscriptionsHandlers } from '../handlers/subscriptions.js';

export const handler = createApi<keyof typeof subscriptionsHandlers>(subscriptionsHandlers);
