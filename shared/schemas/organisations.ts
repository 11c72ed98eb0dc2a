import * as z from 'zod/mini';
import { LANGUAGES, ORGANISATION_KINDS } from '../domain/vocabulary.js';
import { MUNICIPALITY_CODES } from '../domain/municipalities.js';
import { isValidOrgNumber } from '../domain/org-number.js';
import { cpvCode, cpvLabelsSchema } from './calls.js';
import { text } from './common.js';

export const orgNumberSchema = z.string().check(z.refine(isValidOrgNumber, { message: 'Not a valid organisasjonsnummer (9 digits, MOD11 check digit)' }));

export const organisationSchema = z.object({
  id: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const meSchema = z.object({
  /** `language`: what the user chose (PUT /api/me/language); absent until they choose, and e-mails are then in bokmål. */
  user: z.object({ id: z.string(), name: z.string(), role: z.enum(ORGANISATION_KINDS), language: z.optional(z.enum(LANGUAGES)) }),
  organisation: organisationSchema,
});
export type Me = z.infer<typeof meSchema>;

/** Body of PUT /api/me/language: the language of the user's e-mails (and of the web app on their next sign-in). */
export const languageInputSchema = z.strictObject({ language: z.enum(LANGUAGES) });
export const languageSchema = z.object({ language: z.enum(LANGUAGES) });

/** A municipality: kommunenummer, name, and organisasjonsnummer in Enhetsregisteret. */
export const municipalitySchema = z.object({ code: z.string(), name: z.string(), orgNumber: z.string() });

/** What a profile that says nothing about size or capacity is taken to mean. */
export const COMPANY_DEFAULTS = { sme: true, capacity: 2 } as const;

/** Body of PUT /api/companies/{orgNumber}. */
export const companyProfileInputSchema = z.strictObject({
  name: text(2, 200),
  description: text(0, 5000),
  capabilities: z.array(text(1, 100)).check(z.maxLength(50)),
  cpvCodes: z.array(cpvCode).check(z.maxLength(50)),
  municipalityCode: z.optional(z.enum(MUNICIPALITY_CODES)),
  website: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
  /** Public contact address; associations' saved searches for their members are sent here. */
  contactEmail: z.optional(z.email().check(z.maxLength(254))),
  /** Small or medium-sized enterprise (under 250 employees); true when not given. */
  sme: z.optional(z.boolean()),
  /** How many projects the company can run at once; 2 when not given. */
  capacity: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(50))),
});
export type CompanyProfileInput = z.infer<typeof companyProfileInputSchema>;

export const companyProfileSchema = z.object({
  orgNumber: z.string(),
  name: z.string(),
  description: z.string(),
  capabilities: z.array(z.string()),
  cpvCodes: z.array(z.string()),
  cpvLabels: z.optional(cpvLabelsSchema),
  municipalityCode: z.optional(z.string()),
  website: z.optional(z.string()),
  contactEmail: z.optional(z.string()),
  sme: z.boolean(),
  capacity: z.number(),
  updatedAt: z.string(),
});
export type CompanyProfile = z.infer<typeof companyProfileSchema>;

export const orgNumberParams = z.object({ orgNumber: orgNumberSchema });
