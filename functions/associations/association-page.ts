import type { Association } from '../../shared/schemas/associations.js';
import { getCalls } from '../data/calls.js';
import { countAcceptedMembers, listAssociationMemberships, listAssociationOrgs, listAssociationPromotions } from '../data/associations.js';
import { requireAssociation } from './access.js';
import { promotionView } from './view.js';

/** Every association on the platform, by name, with how many accepted members it has. */
export async function listAssociations(): Promise<{ id: string; name: string; memberCount: number }[]> {
  const orgs = await listAssociationOrgs();
  return Promise.all(orgs.map(async (o) => ({ id: o.id, name: o.name, memberCount: await countAcceptedMembers(o.id) })));
}

/** The public page: accepted members only (pending and declined requests are the association's business), promotions newest first. */
export async function getAssociationPage(id: string): Promise<Association> {
  const org = await requireAssociation(id);
  const [members, promotions] = await Promise.all([listAssociationMemberships(id, 'accepted'), listAssociationPromotions(id)]);
  const calls = await getCalls(promotions.map((p) => p.callId));
  return {
    id: org.id,
    name: org.name,
    members: members.map((m) => ({ orgNumber: m.orgNumber, name: m.companyName })).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    promotions: promotions.map((p) => promotionView(p, calls.get(p.callId))),
  };
}
