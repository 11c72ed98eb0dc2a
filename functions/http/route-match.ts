import { routes, type RouteId } from '../../shared/api/contract.js';

interface Compiled {
  id: RouteId;
  method: string;
  regex: RegExp;
}

const compile = (path: string) => new RegExp(`^${path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}/?$`);

/**
 * Matches a request against the contract. The router uses it to tell 404 from 405; the local
 * server uses it to know a route's audience before it plays API Gateway's authorizer.
 */
export function routeMatcher(ids: readonly RouteId[]) {
  const table: Compiled[] = ids.map((id) => ({ id, method: routes[id].method, regex: compile(routes[id].path) }));
  return {
    find(method: string, path: string): { id: RouteId; params: Record<string, string> } | undefined {
      for (const r of table) {
        if (r.method !== method) continue;
        const m = r.regex.exec(path);
        if (m) return { id: r.id, params: decodeParams(m.groups ?? {}) };
      }
      return undefined;
    },
    allowed(path: string): string[] {
      return table.filter((r) => r.regex.test(path)).map((r) => r.method);
    },
  };
}

function decodeParams(groups: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(groups)) {
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}
