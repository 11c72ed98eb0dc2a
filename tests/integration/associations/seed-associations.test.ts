import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { ASSOCIATIONS, COMPANIES } from '../../../infra/local/demo-data.js';
import { seedAssociations } from '../../../infra/local/seed-associations.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

describe('demo associations seed', () => {
  it('runs twice (also later) without error or duplicates, and gives the reach page numbers', async () => {
    const now = new Date();
    await seedAssociations(now);
    const snapshot = async () => {
      const list = await stack.client.call('GET', '/api/associations');
      const pages = await Promise.all(ASSOCIATIONS.map((a) => stack.client.call('GET', `/api/associations/${a.id}`)));
      return { list: list.body, pages: pages.map((p) => p.body) };
    };
    const first = await snapshot();
    await seedAssociations(now);
    await seedAssociations(new Date(now.getTime() + 3_600_000));
    expect(await snapshot()).toEqual(first);

    for (const [i, a] of ASSOCIATIONS.entries()) {
      const page = first.pages[i];
      expect(page.members.length).toBeGreaterThanOrEqual(6);
      expect(page.members.filter((m: any) => COMPANIES.some((c) => c.id === m.orgNumber)).length).toBeGreaterThanOrEqual(3);
      expect(page.promotions.length).toBeGreaterThanOrEqual(2);
      expect(page.promotions.length).toBeLessThanOrEqual(3);
      expect(first.list.items.find((x: any) => x.id === a.id).memberCount).toBe(page.members.length);
    }

    const staff = await stack.client.login(users.association);
    const pending = await stack.client.call('GET', `/api/associations/${ASSOCIATIONS[0]!.id}/memberships?status=pending`, { token: staff });
    expect(pending.body.items).toHaveLength(1);

    const programme = await stack.client.login(users.programme);
    const reach = (await Promise.all(ASSOCIATIONS.map((a) => stack.client.call('GET', `/api/associations/${a.id}/reach`, { token: programme })))).flatMap(
      (r) => r.body.items,
    );
    expect(reach.length).toBeGreaterThanOrEqual(4);
    expect(reach.every((r: any) => r.views > 0 && r.memberViewers > 0)).toBe(true);
    // The seeded promotions are of open calls: their member proposals are still sealed.
    expect(reach.every((r: any) => r.memberProposals === null && r.proposalsSealedUntil)).toBe(true);

    // A seeded member sees the promoted calls in its feed.
    const memberToken = await stack.client.login(users.sarpsborgCompany);
    const feed = await stack.client.call('GET', '/api/me/feed', { token: memberToken });
    expect(feed.body.items.length).toBeGreaterThan(0);
  });
});
