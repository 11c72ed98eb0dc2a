import * as z from 'zod/mini';
import { routes, routeIds, type RouteSpec } from '../../shared/api/contract.js';
import { problemSchema } from '../../shared/schemas/common.js';

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(spec: RouteSpec) {
  const out: object[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
  }
  return out;
}

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** OpenAPI 3.1 built from the contract's zod schemas: there is no second, hand-written description. */
export function buildOpenApi() {
  const paths: Record<string, Record<string, object>> = {};
  for (const id of routeIds) {
    const spec: RouteSpec = routes[id];
    if (spec.audience === 'dev') continue;
    const ok = String(spec.status ?? 200);
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = {
      operationId: id,
      summary: spec.summary,
      ...(spec.audience === 'user' ? { security: [{ bearer: [] }] } : spec.audience === 'optional' ? { security: [{}, { bearer: [] }] } : {}),
      parameters: parameters(spec),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
      responses: {
        [ok]: spec.response
          ? { description: 'Success', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } }
          : { description: 'Success' },
        default: { description: 'An RFC 9457 problem', content: problem },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Innovasjonstorget API', version: '1.0.0', description: 'Innovation calls, proposals and organisations for Digital bærekraft Østfold.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
  };
}
