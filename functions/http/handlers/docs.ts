import type { RouteHandlers } from '../types.js';

let document: ReturnType<typeof import('../../docs/openapi.js').buildOpenApi> | undefined;

export const docsHandlers: RouteHandlers<'getOpenApi'> = {
  // Built once per container: the schemas cannot change while it runs. The builder loads on first use.
  getOpenApi: async () => ({
    body: (document ??= (await import('../../docs/openapi.js')).buildOpenApi()),
    headers: { 'cache-control': 'public, max-age=300' },
  }),
};
