import * as z from 'zod/mini';
import { organisationSchema } from './organisations.js';
import { ORGANISATION_KINDS } from '../domain/vocabulary.js';

export const devUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ORGANISATION_KINDS),
  organisation: organisationSchema,
});
export type DevUser = z.infer<typeof devUserSchema>;

export const devLoginSchema = z.strictObject({ userId: z.string().check(z.minLength(1), z.maxLength(100)) });
