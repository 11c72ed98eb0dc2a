import type { RouteHandlers } from '../types.js';
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';

// Use cases load on first use (see handlers/calls.ts).
const profiles = () => import('../../organisations/company-profile.js');

export const organisationHandlers: RouteHandlers<'listMunicipalities' | 'getMe' | 'putMyLanguage' | 'getCompany' | 'putCompany'> = {
  listMunicipalities: async () => ({
    body: { items: MUNICIPALITIES.map(({ code, name, orgNumber }) => ({ code, name, orgNumber })) },
    headers: { 'cache-control': 'public, max-age=3600' },
  }),
  getMe: async ({ principal }) => ({ body: await (await import('../../organisations/get-me.js')).getMe(principal) }),
  putMyLanguage: async ({ principal, body }) => ({
    body: await (await import('../../organisations/user-language.js')).setMyLanguage(principal, body.language),
  }),
  getCompany: async ({ params }) => ({ body: await (await profiles()).getCompanyProfile(params.orgNumber) }),
  putCompany: async ({ params, body, principal }) => ({ body: await (await profiles()).putCompanyProfile(params.orgNumber, body, principal) }),
};
