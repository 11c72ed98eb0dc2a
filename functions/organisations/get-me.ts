import type { Me } from '../../shared/schemas/organisations.js';
import type { Principal } from '../core/principal.js';
import { forbidden } from '../core/errors.js';
import { getOrganisation, getUser } from '../data/organisations.js';

export async function getMe(principal: Principal): Promise<Me> {
  const [org, user] = await Promise.all([getOrganisation(principal.orgId), getUser(principal.userId)]);
  if (!org) throw forbidden('Your organisation is not registered on Innovasjonstorget.');
  return {
    user: { id: principal.userId, name: principal.name, role: principal.role, ...(user?.language ? { language: user.language } : {}) },
    organisation: { id: org.id, kind: org.kind, name: org.name },
  };
}
