import type { Language } from '../../shared/domain/vocabulary.js';
import type { Principal } from '../core/principal.js';
import { getUser, putUser } from '../data/organisations.js';

/**
 * The caller's language, kept on their user item. In AWS users live in Cognito, so the item is created here
 * the first time; the token's name, organisation, role and e-mail are written with it, so mail to that address
 * (functions/notifications/recipient-language.ts) can find the language.
 */
export async function setMyLanguage(principal: Principal, language: Language): Promise<{ language: Language }> {
  const stored = await getUser(principal.userId);
  await putUser({
    ...stored,
    id: principal.userId,
    name: stored?.name ?? principal.name,
    orgId: principal.orgId,
    role: principal.role,
    language,
    ...(principal.email ? { email: principal.email.trim().toLowerCase() } : {}),
  });
  return { language };
}
