import type middy from '@middy/core';
import type { Role } from '../../../shared/domain/vocabulary.js';
import { rolesAllow } from '../../../shared/api/route-access.js';
import { forbidden } from '../errors.js';
import type { ApiEvent } from '../../http/types.js';

const defaults: { roles?: readonly Role[] } = {};

/** Coarse gate by role; which organisation may touch which resource is decided in the use case. */
const authorizeRoles = (opts: Partial<typeof defaults> = {}): middy.MiddlewareObj<ApiEvent> => {
  const { roles } = { ...defaults, ...opts };
  const authorizeRolesBefore: middy.MiddlewareFn<ApiEvent> = async (request) => {
    const role = request.event.principal?.role;
    // The audience is the authorizer's (and the router's) business; here only the roles count.
    if (!rolesAllow(roles, role)) {
      throw forbidden(`This endpoint is for ${roles!.join(' or ')} users; you are signed in as ${role ?? 'nobody'}.`);
    }
  };
  return { before: authorizeRolesBefore };
};

export default authorizeRoles;
