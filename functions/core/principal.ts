import { ORGANISATION_KINDS, type Role } from '../../shared/domain/vocabulary.js';

/** Who is calling, read from the JWT claims wherever they came from (API Gateway or the local server). */
export interface Principal {
  userId: string;
  name: string;
  orgId: string;
  role: Role;
  /** The user's e-mail (Cognito's `email` claim; the local dev tokens carry one too). */
  email?: string;
}

export type Claims = Record<string, string | number | boolean | string[] | undefined>;

/** Claim names shared by Cognito (custom attributes) and the local dev tokens. */
export const CLAIMS = { orgId: 'custom:org_id', role: 'custom:role' } as const;

export function principalFromClaims(claims: Claims): Principal | undefined {
  const userId = claims.sub;
  const orgId = claims[CLAIMS.orgId];
  const role = claims[CLAIMS.role];
  if (typeof userId !== 'string' || typeof orgId !== 'string' || typeof role !== 'string') return undefined;
  if (!(ORGANISATION_KINDS as readonly string[]).includes(role)) return undefined;
  const name = typeof claims.name === 'string' ? claims.name : userId;
  const email = typeof claims.email === 'string' && claims.email.includes('@') ? claims.email : undefined;
  return { userId, name, orgId, role: role as Role, ...(email ? { email } : {}) };
}
