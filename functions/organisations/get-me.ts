import type { Me } from '../../shared/schemas/organisations.js';
import type { Principal } from '../core/principal.js';
import { forbidden } from '../core/errors.js';
import { getOrganisation } from '../data/organisations.js';

export async function getMe(principal: Principal): Promise<Me> {
  const org = await getOrganisation(principal.orgId);
  if (!org) throw forbidden('Your organisation is not registered on Innovasjonstorget.');
  return {
    user: { id: principal.userId, name: principal.name, role: principal.role },
    organisation: { id: org.id, kind: org.kind, name: org.name },
  };
}
