import type { RouteHandlers } from '../types.js';
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { getMe } from '../../organisations/get-me.js';
import { setMyLanguage } from '../../organisations/user-language.js';
import { getCompanyProfile, putCompanyProfile } from '../../organisations/company-profile.js';

export const organisationHandlers: RouteHandlers<'listMunicipalities' | 'getMe' | 'putMyLanguage' | 'getCompany' | 'putCompany'> = {
  listMunicipalities: async () => ({
    body: { items: MUNICIPALITIES.map(({ code, name, orgNumber }) => ({ code, name, orgNumber })) },
    headers: { 'cache-control': 'public, max-age=3600' },
  }),
  getMe: async ({ principal }) => ({ body: await getMe(principal) }),
  putMyLanguage: async ({ principal, body }) => ({ body: await setMyLanguage(principal, body.language) }),
  getCompany: async ({ params }) => ({ body: await getCompanyProfile(params.orgNumber) }),
  putCompany: async ({ params, body, principal }) => ({ body: await putCompanyProfile(params.orgNumber, body, principal) }),
};
