import { describe, expect, it, vi } from 'vitest';
import type { UserRecord } from '../../../../functions/data/organisations.js';

const USERS: Record<string, UserRecord[]> = {
  mixed: [
    { id: 'a', name: 'A', orgId: 'mixed', role: 'company', language: 'en', email: 'anna@firma.example' },
    { id: 'b', name: 'B', orgId: 'mixed', role: 'company', language: 'nb', email: 'bo@firma.example' },
  ],
  english: [
    { id: 'c', name: 'C', orgId: 'english', role: 'company', language: 'en' },
    { id: 'd', name: 'D', orgId: 'english', role: 'company' },
  ],
  silent: [{ id: 'e', name: 'E', orgId: 'silent', role: 'company' }],
};
const listUsersOf = vi.fn(async (orgId: string) => USERS[orgId] ?? []);
vi.mock('../../../../functions/data/organisations.js', () => ({ listUsersOf: (orgId: string) => listUsersOf(orgId) }));
const { recipientLanguages } = await import('../../../../functions/notifications/recipient-language.js');

describe("the language of an e-mail to an organisation's address", () => {
  it('is the language of the user with that address', async () => {
    const languageOf = recipientLanguages();
    expect(await languageOf('mixed', ' Anna@Firma.example ')).toBe('en');
    expect(await languageOf('mixed', 'bo@firma.example')).toBe('nb');
  });
  it('else the one the users who chose agree on, else bokmål', async () => {
    const languageOf = recipientLanguages();
    expect(await languageOf('mixed', 'post@firma.example')).toBe('nb');
    expect(await languageOf('english', 'post@firma.example')).toBe('en');
    expect(await languageOf('silent', 'post@firma.example')).toBe('nb');
    expect(await languageOf('nobody', 'post@firma.example')).toBe('nb');
    expect(await languageOf(undefined, 'post@firma.example')).toBe('nb');
  });
  it("reads each organisation's users once per resolver", async () => {
    listUsersOf.mockClear();
    const languageOf = recipientLanguages();
    await Promise.all([languageOf('mixed', 'x@y.example'), languageOf('mixed', 'z@y.example'), languageOf('english', 'x@y.example')]);
    expect(listUsersOf.mock.calls.map(([o]) => o).sort()).toEqual(['english', 'mixed']);
  });
});
