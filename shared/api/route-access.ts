/**
 * Who may call a route, from the route table alone: the router's role gate (functions/core/middleware/
 * authorize-roles.ts) and the web app's `canUse(routeId)` both ask this, so a button is shown exactly when
 * the server would let the request past the router. Which organisation may touch which resource is finer and
 * stays in the use cases.
 */
import type { Role } from '../domain/vocabulary.js';
import type { Audience } from './contract.js';

export interface RouteAccess {
  audience: Audience;
  roles?: readonly Role[];
}

/** The role gate alone: a route without roles is for everyone its audience lets in. */
export const rolesAllow = (roles: readonly Role[] | undefined, role: Role | null | undefined): boolean => !roles || (!!role && roles.includes(role));

/** True when a user with this role (null: nobody signed in) gets past the route's audience and role gate. */
export function routeAllows(route: RouteAccess, role: Role | null | undefined): boolean {
  if (route.audience === 'dev') return false;
  if (route.audience === 'user' && !role) return false;
  return rolesAllow(route.roles, role);
}
