import type { Language, OrganisationKind, Role } from '../../shared/domain/vocabulary.js';
import { COMPANY_DEFAULTS, type CompanyProfileInput } from '../../shared/schemas/organisations.js';
import { entity } from './entity.js';
import { afterCompanyWrite } from './call-derived.js';
import { keys } from './keys.js';

export interface OrganisationRecord extends Partial<CompanyProfileInput> {
  id: string;
  kind: OrganisationKind;
  name: string;
  /** Municipalities: their organisasjonsnummer (their id is the kommunenummer). */
  orgNumber?: string;
  updatedAt?: string;
}

export interface UserRecord {
  id: string;
  name: string;
  orgId: string;
  role: Role;
  /** The language the user chose in the web app; e-mails to them follow it (absent: bokmål). */
  language?: Language;
  /** The user's e-mail when they chose it, so an e-mail to that address can follow their language. */
  email?: string;
}

export const organisations = entity<OrganisationRecord, string>({
  type: 'organisation',
  description: 'A municipality (id: kommunenummer), company (organisasjonsnummer), association or the programme owner',
  key: (id) => keys.organisation(id),
  keyOf: (o) => o.id,
  indexes: (o) => ({
    gsi1pk: keys.organisationsOfKind(o.kind),
    gsi1sk: `${o.name}#${o.id}`,
    // Companies only: the change feed the match index loads from and refreshes with.
    ...(o.kind === 'company' ? { gsi2pk: keys.companyChanges, gsi2sk: keys.companyChangeSort(o.updatedAt ?? '', o.id) } : {}),
  }),
  patterns: [
    { name: 'one organisation', index: 'table', partition: 'ORG#<id>', sort: 'ORG' },
    { name: 'organisations of one kind, by name', index: 'gsi1', partition: 'ORGS#<kind>', sort: '<name>#<id>' },
    { name: 'companies whose profile changed since (match index)', index: 'gsi2', partition: 'COMPANIES', sort: '> <updatedAt>#<orgNumber>' },
  ],
});

export const users = entity<UserRecord, string>({
  type: 'user',
  description: 'A user of the local demo sign-in, or (in AWS, where users live in Cognito) one who chose a language',
  key: (id) => keys.user(id),
  keyOf: (u) => u.id,
  indexes: (u) => ({ gsi1pk: keys.users, gsi1sk: `${u.role}#${u.name}#${u.id}`, gsi2pk: keys.usersOf(u.orgId), gsi2sk: u.id }),
  patterns: [
    { name: 'one user', index: 'table', partition: 'USER#<id>', sort: 'USER' },
    { name: 'every user, by role (demo sign-in list)', index: 'gsi1', partition: 'USERS', sort: '<role>#<name>#<id>' },
    { name: "an organisation's users (the language of its e-mails)", index: 'gsi2', partition: 'USERSOF#<orgId>', sort: '<id>' },
  ],
});

export const getOrganisation = (id: string) => organisations.get(id);

/**
 * A company's profile as every reader sees it (the profile page, the match index), with the defaults of
 * shared/schemas/organisations.ts for what a profile leaves unset: one mapper, so the readers cannot drift.
 */
export function companyProfileOf(org: OrganisationRecord) {
  return {
    orgNumber: org.id,
    name: org.name,
    description: org.description ?? '',
    capabilities: org.capabilities ?? [],
    cpvCodes: org.cpvCodes ?? [],
    municipalityCode: org.municipalityCode,
    sme: org.sme ?? COMPANY_DEFAULTS.sme,
    capacity: org.capacity ?? COMPANY_DEFAULTS.capacity,
    updatedAt: org.updatedAt ?? '',
  };
}

/** Creates an organisation once; an existing one is left as it is. */
export const insertOrganisation = (org: OrganisationRecord) => organisations.putIfAbsent(org);

/**
 * Writes the profile fields of an existing company. Only the fields named here are set, so nothing
 * else on the item (kind, id) can be reached through the profile endpoint. Undefined on no such company.
 */
export async function updateCompanyProfile(orgNumber: string, profile: CompanyProfileInput, updatedAt: string): Promise<OrganisationRecord | undefined> {
  // Undefined fields are removed; older clients send no size or capacity, and those keep what is stored.
  const set: Record<string, unknown> = {
    name: profile.name,
    description: profile.description,
    capabilities: profile.capabilities,
    cpvCodes: profile.cpvCodes,
    municipalityCode: profile.municipalityCode,
    website: profile.website,
    contactEmail: profile.contactEmail,
    updatedAt,
    ...organisations.declaration.indexes!({ id: orgNumber, kind: 'company', name: profile.name, updatedAt }),
  };
  if (profile.sme !== undefined) set.sme = profile.sme;
  if (profile.capacity !== undefined) set.capacity = profile.capacity;
  const written = await organisations.update(orgNumber, { set, condition: '#kind = :company', names: { '#kind': 'kind' }, values: { ':company': 'company' } });
  if (written) await afterCompanyWrite(orgNumber, written.sme);
  return written;
}

export const insertUser = (user: UserRecord) => users.putIfAbsent(user);
export const getUser = (id: string) => users.get(id);
/** Writes the user's item whole (the language endpoint creates it for Cognito users). */
export const putUser = (user: UserRecord) => users.put(user);
export const listUsersOf = (orgId: string) => users.queryEvery({ index: 'gsi2', partition: keys.usersOf(orgId) });

/** Every user, grouped by role: only the local demo sign-in lists them. */
export const listUsers = () => users.queryEvery({ index: 'gsi1', partition: keys.users });

export async function getOrganisations(ids: string[]): Promise<Map<string, OrganisationRecord>> {
  const found = await organisations.getMany(ids);
  return new Map(found.map((o) => [o.id, o]));
}

/**
 * Companies whose profile changed after `since` (an updatedAt), oldest first; '' reads them all. This is
 * how a match index loads once per container and then stays fresh with one small query.
 */
export const companiesChangedSince = (since: string) => organisations.queryEvery({ index: 'gsi2', partition: keys.companyChanges, sort: { after: since } });

/** Every organisation's id, kind and name (gsi1 `ORGS#<kind>`, projected): the name-uniqueness check. */
export async function listOrganisationNames(): Promise<{ id: string; kind: string; name: string }[]> {
  const kinds = ['municipality', 'company', 'association', 'programme'];
  const lists = await Promise.all(
    kinds.map(async (kind) => {
      const found = await organisations.queryEvery({ index: 'gsi1', partition: keys.organisationsOfKind(kind), attributes: ['id', 'name'] }, 1000);
      return found.map((o) => ({ id: String(o.id), kind, name: String(o.name ?? '') }));
    }),
  );
  return lists.flat();
}

/** A claimed organisation name (shared/domain/text.ts comparableName): one organisation per name. */
interface OrganisationNameRecord {
  comparable: string;
  orgId: string;
  claimedAt: string;
}

export const organisationNames = entity<OrganisationNameRecord, string>({
  type: 'organisationName',
  description: 'A claimed organisation name (compared form): one organisation per name',
  keyTemplate: { pk: 'ORGNAME#<compared name>', sk: 'ORGNAME' },
  key: (comparable) => keys.organisationName(comparable),
  keyOf: (n) => n.comparable,
  patterns: [{ name: "claim a name (free, or already this organisation's)", index: 'table', partition: 'ORGNAME#<compared name>', sort: 'ORGNAME' }],
});

const heldBy = (orgId: string) => ({ condition: 'orgId = :o', values: { ':o': orgId } });

/**
 * Claims a name (compared form) for an organisation: one conditional Put, so two companies renaming to the
 * same name at once cannot both win. True when the name is free or already this organisation's.
 */
export const claimOrganisationName = (comparable: string, orgId: string, at: string) =>
  organisationNames.putIfAbsent({ comparable, orgId, claimedAt: at }, heldBy(orgId));

export async function releaseOrganisationName(comparable: string, orgId: string): Promise<void> {
  await organisationNames.remove(comparable, heldBy(orgId));
}
