import { describe, expect, it } from 'vitest';
import authorizeRoles from '../../../../functions/core/middleware/authorize-roles.js';
import { routes, type RouteId } from '../../../../shared/api/contract.js';
import { routeAllows } from '../../../../shared/api/route-access.js';
import { ORGANISATION_KINDS, type Role } from '../../../../shared/domain/vocabulary.js';

/** Whether the router's role gate lets a request with this role through (it throws a 403 otherwise). */
async function routerLetsThrough(id: RouteId, role: Role): Promise<boolean> {
  const spec = routes[id];
  const gate = authorizeRoles({ roles: 'roles' in spec ? spec.roles : undefined });
  const request = { event: { principal: { role } } } as unknown as Parameters<NonNullable<typeof gate.before>>[0];
  try {
    await gate.before!(request);
    return true;
  } catch {
    return false;
  }
}

describe('who may use a route (what the web asks with canUse)', () => {
  it('agrees with the router for every route and every role', async () => {
    for (const id of Object.keys(routes) as RouteId[]) {
      if (routes[id].audience === 'dev') continue;
      for (const role of ORGANISATION_KINDS) expect([id, role, routeAllows(routes[id], role)]).toEqual([id, role, await routerLetsThrough(id, role)]);
    }
  });

  it('keeps signed-out visitors to public and optional routes', () => {
    for (const id of Object.keys(routes) as RouteId[]) {
      const { audience } = routes[id];
      expect([id, routeAllows(routes[id], null)]).toEqual([id, audience === 'public' || (audience === 'optional' && !('roles' in routes[id]))]);
    }
  });

  it('never offers a development route', () => {
    expect(routeAllows(routes.devLogin, 'programme')).toBe(false);
  });

  it('offers a municipality what municipalities may do and nothing of a company', () => {
    expect(routeAllows(routes.createCall, 'municipality')).toBe(true);
    expect(routeAllows(routes.createCall, 'company')).toBe(false);
    expect(routeAllows(routes.putMyProposal, 'municipality')).toBe(false);
    expect(routeAllows(routes.getMe, 'association')).toBe(true);
  });
});
