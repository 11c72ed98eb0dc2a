import { COMPANY_DEFAULTS, type CompanyProfile, type CompanyProfileInput } from '../../shared/schemas/organisations.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { forbidden, notFound } from '../core/errors.js';
import { officialCpvCodes } from '../core/cpv-codes.js';
import { cpvLabelPairs } from '../../shared/domain/cpv.js';
import { getOrganisation, updateCompanyProfile, type OrganisationRecord } from '../data/organisations.js';

function profileView(org: OrganisationRecord): CompanyProfile {
  return {
    orgNumber: org.id,
    name: org.name,
    description: org.description ?? '',
    capabilities: org.capabilities ?? [],
    cpvCodes: org.cpvCodes ?? [],
    cpvLabels: cpvLabelPairs(org.cpvCodes ?? []),
    municipalityCode: org.municipalityCode,
    website: org.website,
    contactEmail: org.contactEmail,
    sme: org.sme ?? COMPANY_DEFAULTS.sme,
    capacity: org.capacity ?? COMPANY_DEFAULTS.capacity,
    updatedAt: org.updatedAt ?? '',
  };
}

export async function getCompanyProfile(orgNumber: string): Promise<CompanyProfile> {
  const org = await getOrganisation(orgNumber);
  if (!org || org.kind !== 'company') throw notFound(`No company with organisasjonsnummer ${orgNumber}.`);
  return profileView(org);
}

/** Only a user of the company itself edits its profile. */
export async function putCompanyProfile(orgNumber: string, input: CompanyProfileInput, principal: Principal): Promise<CompanyProfile> {
  if (principal.orgId !== orgNumber) throw forbidden('You can only edit the profile of your own company.');
  const updated = await updateCompanyProfile(orgNumber, { ...input, cpvCodes: officialCpvCodes(input.cpvCodes) }, now().toISOString());
  if (!updated) throw notFound(`No company with organisasjonsnummer ${orgNumber} is registered.`);
  return profileView(updated);
}
