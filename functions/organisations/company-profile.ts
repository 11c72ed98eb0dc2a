import { type CompanyProfile, type CompanyProfileInput } from '../../shared/schemas/organisations.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import { officialCpvCodes } from '../core/cpv-codes.js';
import { cpvLabelPairs } from '../../shared/domain/cpv.js';
import {
  claimOrganisationName,
  companyProfileOf,
  getOrganisation,
  listOrganisationNames,
  releaseOrganisationName,
  updateCompanyProfile,
  type OrganisationRecord,
} from '../data/organisations.js';
import { comparableName } from '../../shared/domain/text.js';
import { MUNICIPALITIES } from '../../shared/domain/municipalities.js';

function profileView(org: OrganisationRecord): CompanyProfile {
  const profile = companyProfileOf(org);
  return { ...profile, cpvLabels: cpvLabelPairs(profile.cpvCodes), website: org.website, contactEmail: org.contactEmail };
}

export async function getCompanyProfile(orgNumber: string): Promise<CompanyProfile> {
  const org = await getOrganisation(orgNumber);
  if (!org || org.kind !== 'company') throw notFound(`No company with organisasjonsnummer ${orgNumber}.`);
  return profileView(org);
}

/** «kommune» (or «kommunen», «kommunes») as a word of a name. */
const MUNICIPALITY_WORD = /(^|[^\p{L}])kommun(e|en|es|ens)?($|[^\p{L}])/u;

/**
 * A company's name may not pass for a municipality («… kommune», or a municipality's own name) nor equal
 * another organisation's name once case, spacing and invisible characters are ignored.
 */
async function assertNameAllowed(orgNumber: string, name: string, at: string): Promise<void> {
  const wanted = comparableName(name);
  const refuse = (detail: string) => conflict(detail, 'organisation-name-taken');
  if (MUNICIPALITY_WORD.test(wanted)) throw refuse('Only a municipality may have «kommune» in its name.');
  if (MUNICIPALITIES.some((m) => comparableName(m.name) === wanted)) throw refuse('That is the name of a municipality.');
  const taken = (await listOrganisationNames()).find((o) => o.id !== orgNumber && comparableName(o.name) === wanted);
  if (taken) throw refuse('Another organisation on the platform already has that name.');
  if (!(await claimOrganisationName(wanted, orgNumber, at))) throw refuse('Another organisation on the platform already has that name.');
}

/** Only a user of the company itself edits its profile. */
export async function putCompanyProfile(orgNumber: string, input: CompanyProfileInput, principal: Principal): Promise<CompanyProfile> {
  if (principal.orgId !== orgNumber) throw forbidden('You can only edit the profile of your own company.');
  const at = now().toISOString();
  const current = await getOrganisation(orgNumber);
  if (!current || current.kind !== 'company') throw notFound(`No company with organisasjonsnummer ${orgNumber} is registered.`);
  const renamed = comparableName(current.name) !== comparableName(input.name);
  if (renamed) await assertNameAllowed(orgNumber, input.name, at);
  const updated = await updateCompanyProfile(orgNumber, { ...input, cpvCodes: officialCpvCodes(input.cpvCodes) }, at);
  if (!updated) throw notFound(`No company with organisasjonsnummer ${orgNumber} is registered.`);
  if (renamed) await releaseOrganisationName(comparableName(current.name), orgNumber);
  return profileView(updated);
}
