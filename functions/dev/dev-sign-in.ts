import type { DevUser } from '../../shared/schemas/dev.js';
import { notFound } from '../core/errors.js';
import { getOrganisations, getUser, listUsers } from '../data/organisations.js';
import { issueDevToken } from './tokens.js';

export async function listDevUsers(): Promise<{ items: DevUser[] }> {
  const users = await listUsers();
  const orgs = await getOrganisations(users.map((u) => u.orgId));
  return {
    items: users.flatMap((u) => {
      const org = orgs.get(u.orgId);
      return org ? [{ id: u.id, name: u.name, role: u.role, organisation: { id: org.id, kind: org.kind, name: org.name } }] : [];
    }),
  };
}

export async function devLogin(userId: string): Promise<{ token: string }> {
  const user = await getUser(userId);
  if (!user) throw notFound(`No demo user ${userId}.`);
  return { token: await issueDevToken(user) };
}
