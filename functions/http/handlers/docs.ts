import type { RouteHandlers } from '../types.js';
import { buildOpenApi } from '../../docs/openapi.js';

let document: ReturnType<typeof buildOpenApi> | undefined;

export const docsHandlers: RouteHandlers<'getOpenApi'> = {
  // Built once per container: the schemas cannot change while it runs.
  getOpenApi: async () => ({ body: (document ??= buildOpenApi()), headers: { 'cache-control': 'public, max-age=300' } }),
};
