import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OrganisationKind, Role } from '../../shared/domain/vocabulary.js';
import type { CompanyProfileInput } from '../../shared/schemas/organisations.js';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';

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
}

const strip = <T>(item: Record<string, unknown>): T => {
  const { pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk, ...rest } = item;
  void pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk;
  return rest as T;
};

export async function getOrganisation(id: string): Promise<OrganisationRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.organisation(id) }));
  return out.Item ? strip<OrganisationRecord>(out.Item) : undefined;
}

/** Creates an organisation once; an existing one is left as it is. */
export async function insertOrganisation(org: OrganisationRecord): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.organisation(org.id),
          type: 'organisation',
          ...org,
          gsi1pk: keys.organisationsOfKind(org.kind),
          gsi1sk: `${org.name}#${org.id}`,
          ...(org.kind === 'company' ? { gsi2pk: keys.companyChanges, gsi2sk: keys.companyChangeSort(org.updatedAt ?? '', org.id) } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/**
 * Writes the profile fields of an existing company. Only the fields named here are set, so nothing
 * else on the item (kind, id) can be reached through the profile endpoint. Undefined on no such company.
 */
export async function updateCompanyProfile(
  orgNumber: string,
  profile: CompanyProfileInput,
  updatedAt: string,
): Promise<OrganisationRecord | undefined> {
  const set: Record<string, unknown> = {
    name: profile.name,
    description: profile.description,
    capabilities: profile.capabilities,
    cpvCodes: profile.cpvCodes,
    municipalityCode: profile.municipalityCode,
    website: profile.website,
    contactEmail: profile.contactEmail,
    updatedAt,
    gsi1sk: `${profile.name}#${orgNumber}`,
    gsi2pk: keys.companyChanges,
    gsi2sk: keys.companyChangeSort(updatedAt, orgNumber),
  };
  // Older clients send no size or capacity: those keep what is stored rather than being erased.
  if (profile.sme !== undefined) set.sme = profile.sme;
  if (profile.capacity !== undefined) set.capacity = profile.capacity;
  const present = Object.entries(set).filter(([, v]) => v !== undefined);
  const absent = Object.entries(set).filter(([, v]) => v === undefined).map(([k]) => k);
  const names: Record<string, string> = { '#kind': 'kind' };
  const values: Record<string, unknown> = { ':company': 'company' };
  const assignments = present.map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    return `#f${i} = :f${i}`;
  });
  const removals = absent.map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.organisation(orgNumber),
        UpdateExpression: `SET ${assignments.join(', ')}${removals.length ? ` REMOVE ${removals.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(pk) AND #kind = :company',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<OrganisationRecord>(out.Attributes!);
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

export async function insertUser(user: UserRecord): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.user(user.id), type: 'user', ...user, gsi1pk: keys.users, gsi1sk: `${user.role}#${user.name}#${user.id}` },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

export async function getUser(id: string): Promise<UserRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.user(id) }));
  return out.Item ? strip<UserRecord>(out.Item) : undefined;
}

/** Every user, grouped by role: only the local demo sign-in lists them. */
export async function listUsers(): Promise<UserRecord[]> {
  const items = await queryAll(
    { TableName: table(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.users } },
  );
  return items.map((i) => strip<UserRecord>(i));
}

export async function getOrganisations(ids: string[]): Promise<Map<string, OrganisationRecord>> {
  const result = new Map<string, OrganisationRecord>();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const org = await getOrganisation(id);
      if (org) result.set(id, org);
    }),
  );
  return result;
}

/**
 * Companies whose profile changed after `since` (an updatedAt), oldest first; '' reads them all. This is
 * how a match index loads once per container and then stays fresh with one small query.
 */
export async function companiesChangedSince(since: string): Promise<OrganisationRecord[]> {
  const items = await queryAll(
    {
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk > :since',
      ExpressionAttributeValues: { ':p': keys.companyChanges, ':since': since },
    },
    1000,
  );
  return items.map((i) => strip<OrganisationRecord>(i));
}
