import { languageOr, type Language } from '../../shared/domain/vocabulary.js';
import { listUsersOf, type UserRecord } from '../data/organisations.js';

export type LanguageOf = (orgId: string | undefined, address: string) => Promise<Language>;

/**
 * The language of an e-mail to an organisation's address: that of the organisation's user with that address,
 * else the one its users agree on (those who chose one), else bokmål. One resolver per batch of messages, so an
 * organisation's users are read once (Query gsi2 `USERSOF#<orgId>`).
 */
export function recipientLanguages(): LanguageOf {
  const usersOf = new Map<string, Promise<UserRecord[]>>();
  return async (orgId, address) => {
    if (!orgId) return 'nb';
    let users = usersOf.get(orgId);
    if (!users) usersOf.set(orgId, (users = listUsersOf(orgId)));
    const chosen = (await users).filter((u) => u.language);
    const own = chosen.find((u) => u.email === address.trim().toLowerCase());
    if (own) return languageOr(own.language);
    const languages = new Set(chosen.map((u) => u.language));
    return languages.size === 1 ? languageOr([...languages][0]) : 'nb';
  };
}
