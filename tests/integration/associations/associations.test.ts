import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody, proposalBody, sleep, passTime, serverNow } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';
import { ASSOCIATIONS, COMPANIES } from '../../../infra/local/demo-data.js';
import { getPromotion, listCallViewers } from '../../../functions/data/associations.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};
/** Tokens of the seven named demo companies, by organisation number. */
const companyToken: Record<string, string> = {};
const A0 = ASSOCIATIONS[0]!;
const A1 = ASSOCIATIONS[1]!;
const api = (method: string, path: string, opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) =>
  stack.client.call(method, path, opts);

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'halden', 'programme', 'association'] as const) t[who] = await stack.client.login(users[who]);
  t.otherAssociation = await stack.client.login(`user-${A1.id}`);
  for (const c of COMPANIES) companyToken[c.id] = await stack.client.login(`user-${c.id}`);
});
afterAll(() => stack?.close());

/**
 * Named demo companies with no request or membership at `associationId` yet: the tests do not depend on
 * what the demo seed (if wired) or an earlier test made members.
 */
const taken = new Set<string>();
async function freeCompany(associationId: string): Promise<{ id: string; name: string; token: string }> {
  for (const c of COMPANIES) {
    if (taken.has(`${associationId}:${c.id}`)) continue;
    const mine = await api('GET', '/api/me/memberships', { token: companyToken[c.id] });
    expect(mine.status).toBe(200);
    if (mine.body.items.some((m: any) => m.associationId === associationId)) continue;
    taken.add(`${associationId}:${c.id}`);
    return { id: c.id, name: c.name, token: companyToken[c.id]! };
  }
  throw new Error(`no demo company left that is free to join ${associationId}`);
}

/** A company that is made an accepted member of `associationId`, through the API. */
async function member(associationId: string, staffToken: string) {
  const c = await freeCompany(associationId);
  expect((await api('POST', `/api/associations/${associationId}/memberships`, { token: c.token })).status).toBe(201);
  const decided = await api('POST', `/api/associations/${associationId}/memberships/${c.id}/decision`, {
    token: staffToken,
    body: { decision: 'accept' },
  });
  expect(decided.status).toBe(200);
  return c;
}

/** `n` named demo companies that are accepted members (already, or made so now). */
async function acceptedMembers(associationId: string, staffToken: string, n: number) {
  const res = await api('GET', `/api/associations/${associationId}/memberships?status=accepted`, { token: staffToken });
  expect(res.status).toBe(200);
  const found = COMPANIES.filter((c) => res.body.items.some((m: any) => m.orgNumber === c.id)).map((c) => ({
    id: c.id,
    name: c.name,
    token: companyToken[c.id]!,
  }));
  while (found.length < n) found.push(await member(associationId, staffToken));
  return found.slice(0, n);
}

/** A named demo company that is not an accepted member of `associationId`. */
async function outsider(associationId: string) {
  for (const c of COMPANIES) {
    const mine = await api('GET', '/api/me/memberships', { token: companyToken[c.id] });
    if (!mine.body.items.some((m: any) => m.associationId === associationId && m.status === 'accepted')) {
      return { id: c.id, name: c.name, token: companyToken[c.id]! };
    }
  }
  throw new Error(`every demo company is a member of ${associationId}`);
}

async function openCall(overrides: Record<string, unknown> = {}) {
  const created = await api('POST', '/api/calls', { token: t.fredrikstad, body: callBody(overrides) });
  expect(created.status).toBe(201);
  expect((await api('POST', `/api/calls/${created.body.id}/publish`, { token: t.fredrikstad })).status).toBe(200);
  return created.body.id as string;
}

const promote = (callId: string, token = t.association!, associationId = A0.id, note = 'Passer godt for medlemmer innen avfall og sensorer.') =>
  api('POST', `/api/associations/${associationId}/promotions`, { token, body: { callId, note } });

const reachOf = async (promotionId: string, token = t.association!) => {
  const res = await api('GET', `/api/associations/${A0.id}/reach`, { token });
  expect(res.status).toBe(200);
  return res.body.items.find((r: any) => r.promotionId === promotionId);
};

describe('associations are listed and have public pages', () => {
  it('lists both demo associations with member counts; non-associations are 404', async () => {
    const list = await api('GET', '/api/associations');
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: any) => a.id).sort()).toEqual([A0.id, A1.id].sort());
    for (const a of list.body.items) expect(a.memberCount).toEqual(expect.any(Number));

    const page = await api('GET', `/api/associations/${A0.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ id: A0.id, name: A0.name, members: expect.any(Array), promotions: expect.any(Array) });

    for (const id of ['3107', COMPANIES[0]!.id, 'no-such-org']) {
      const res = await api('GET', `/api/associations/${id}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });
});

describe('membership', () => {
  it("runs request → accept, with only the association's own staff deciding", async () => {
    const before = (await api('GET', '/api/associations')).body.items.find((a: any) => a.id === A0.id).memberCount;
    const c = await freeCompany(A0.id);
    const asked = await api('POST', `/api/associations/${A0.id}/memberships`, { token: c.token });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ associationId: A0.id, associationName: A0.name, orgNumber: c.id, companyName: c.name, status: 'pending' });
    expect(asked.body.decidedAt).toBeUndefined();
    // Asking twice while pending is a conflict.
    expect((await api('POST', `/api/associations/${A0.id}/memberships`, { token: c.token })).status).toBe(409);

    // Who may see and decide: the association's own staff only.
    const path = `/api/associations/${A0.id}/memberships`;
    expect((await api('GET', path, { token: t.otherAssociation })).status).toBe(403);
    expect((await api('GET', path, { token: c.token })).status).toBe(403);
    expect((await api('GET', path)).status).toBe(401);
    const decision = `${path}/${c.id}/decision`;
    for (const token of [c.token, t.otherAssociation, t.fredrikstad, t.programme]) {
      expect((await api('POST', decision, { token, body: { decision: 'accept' } })).status).toBe(403);
    }
    const pending = await api('GET', `${path}?status=pending`, { token: t.association });
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((m: any) => m.orgNumber)).toContain(c.id);
    expect(pending.body.items.every((m: any) => m.status === 'pending')).toBe(true);

    const accepted = await api('POST', decision, { token: t.association, body: { decision: 'accept' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ orgNumber: c.id, status: 'accepted', decidedAt: expect.any(String) });
    // A decided request cannot be decided again, and a member cannot ask again.
    const again = await api('POST', decision, { token: t.association, body: { decision: 'decline' } });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await api('POST', path, { token: c.token })).status).toBe(409);

    const mine = await api('GET', '/api/me/memberships', { token: c.token });
    expect(mine.body.items.filter((m: any) => m.associationId === A0.id)).toEqual([
      expect.objectContaining({ associationId: A0.id, status: 'accepted', companyName: c.name }),
    ]);
    const page = await api('GET', `/api/associations/${A0.id}`);
    expect(page.body.members).toContainEqual({ orgNumber: c.id, name: c.name });
    const after = (await api('GET', '/api/associations')).body.items.find((a: any) => a.id === A0.id).memberCount;
    expect(after).toBe(before + 1);
  });

  it('lets a declined company ask again; the public page lists accepted members only', async () => {
    const declined = await freeCompany(A0.id);
    const pendingOnly = await freeCompany(A0.id);
    const path = `/api/associations/${A0.id}/memberships`;
    expect((await api('POST', path, { token: declined.token })).status).toBe(201);
    expect((await api('POST', path, { token: pendingOnly.token })).status).toBe(201);
    const no = await api('POST', `${path}/${declined.id}/decision`, { token: t.association, body: { decision: 'decline' } });
    expect(no.status).toBe(200);
    expect(no.body.status).toBe('declined');

    let page = await api('GET', `/api/associations/${A0.id}`);
    const listed = page.body.members.map((m: any) => m.orgNumber);
    expect(listed).not.toContain(declined.id);
    expect(listed).not.toContain(pendingOnly.id);

    const retry = await api('POST', path, { token: declined.token });
    expect(retry.status).toBe(201);
    expect(retry.body.status).toBe('pending');
    expect(retry.body.decidedAt).toBeUndefined();
    page = await api('GET', `/api/associations/${A0.id}`);
    expect(page.body.members.map((m: any) => m.orgNumber)).not.toContain(declined.id);
    const mine = await api('GET', '/api/me/memberships', { token: declined.token });
    expect(mine.body.items.find((m: any) => m.associationId === A0.id).status).toBe('pending');
  });

  it('answers bad input with problems, never a 5xx', async () => {
    const path = `/api/associations/${A0.id}/memberships`;
    // Only companies ask; asking a municipality or an unknown id is a 404.
    expect((await api('POST', path, { token: t.association })).status).toBe(403);
    expect((await api('POST', '/api/associations/3107/memberships', { token: companyToken[COMPANIES[0]!.id] })).status).toBe(404);
    expect((await api('POST', path, { token: companyToken[COMPANIES[0]!.id], body: { note: 'x' } })).status).toBe(400);
    const decision = `${path}/${COMPANIES[0]!.id}/decision`;
    const extra = await api('POST', decision, { token: t.association, body: { decision: 'accept', status: 'accepted' } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toContainEqual(expect.objectContaining({ path: 'status' }));
    expect((await api('POST', decision, { token: t.association, body: { decision: 'maybe' } })).status).toBe(400);
    expect((await api('POST', decision, { token: t.association })).status).toBe(400);
    expect((await api('POST', decision, { token: t.association, rawBody: '{"decision":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await api('POST', `${path}/000000000/decision`, { token: t.association, body: { decision: 'accept' } })).status).toBe(404);
    expect((await api('GET', `${path}?status=maybe`, { token: t.association })).status).toBe(400);
  });

  it('accepts exactly one of many concurrent requests from the same company', async () => {
    const c = await freeCompany(A1.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => api('POST', `/api/associations/${A1.id}/memberships`, { token: c.token })));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
  });
});

describe('promotions', () => {
  it("only the association's own staff promote, and only open calls", async () => {
    const id = await openCall();
    expect((await promote(id, t.fredrikstad)).status).toBe(403);
    expect((await promote(id, t.otherAssociation)).status).toBe(403);
    expect((await promote(id, companyToken[COMPANIES[0]!.id]!)).status).toBe(403);
    expect((await promote(id, t.programme)).status).toBe(403);

    const draft = await api('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    expect((await promote(draft.body.id)).status).toBe(404);
    expect((await promote('01NOSUCHCALL')).status).toBe(404);
    const cancelled = await openCall();
    await api('POST', `/api/calls/${cancelled}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
    const refused = await promote(cancelled);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/cancelled/);
    const closed = await api('GET', '/api/calls?status=closed&limit=1');
    expect(closed.body.items).toHaveLength(1);
    expect((await promote(closed.body.items[0].id)).status).toBe(409);

    expect((await promote(id, t.association, A0.id, 'x')).status).toBe(400);
    expect((await promote(id, t.association, A0.id, 'y'.repeat(501))).status).toBe(400);
    const extra = await api('POST', `/api/associations/${A0.id}/promotions`, {
      token: t.association,
      body: { callId: id, note: 'Gyldig notat', views: 1000 },
    });
    expect(extra.status).toBe(400);

    const ok = await promote(id);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      associationId: A0.id,
      associationName: A0.name,
      callId: id,
      callTitle: callBody().title,
      municipalityName: 'Fredrikstad',
      note: 'Passer godt for medlemmer innen avfall og sensorer.',
      link: `/utlysninger/${id}?promo=${ok.body.id}`,
    });
    const page = await api('GET', `/api/associations/${A0.id}`);
    expect(page.body.promotions[0]).toEqual(ok.body);
    // Issue 7: one promotion per (association, call); promoting again changes the note (200), no second entry.
    const again = await promote(id, t.association, A0.id, 'Påminnelse: fristen nærmer seg.');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: ok.body.id, note: 'Påminnelse: fristen nærmer seg.' });
    const newest = await api('GET', `/api/associations/${A0.id}`);
    expect(newest.body.promotions.filter((p: any) => p.callId === id).map((p: any) => p.id)).toEqual([ok.body.id]);
  });

  it('counts views through the promotion link and refuses links that do not fit', async () => {
    const id = await openCall();
    const other = await openCall();
    const promo = (await promote(id)).body.id as string;
    const views = (callId: string, body: unknown, token?: string) => api('POST', `/api/calls/${callId}/views`, { token, body });

    for (let i = 0; i < 3; i++) expect((await views(id, { promotionId: promo })).status).toBe(204);
    expect((await views(id, { promotionId: promo }, companyToken[COMPANIES[6]!.id])).status).toBe(204);
    expect((await views(id, {})).status).toBe(204); // a view without the link is not the promotion's
    const unknown = await views(id, { promotionId: '01NOSUCHPROMOTION' });
    expect(unknown.status).toBe(404);
    const mismatched = await views(other, { promotionId: promo }, companyToken[COMPANIES[5]!.id]);
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.errors).toContainEqual(expect.objectContaining({ path: 'promotionId' }));
    expect((await views(other, { promotionId: '01NOSUCHPROMOTION' }, companyToken[COMPANIES[5]!.id])).status).toBe(404);
    // Nothing was written by the refused requests: no viewer item for the company on that call.
    expect(await listCallViewers(other)).toEqual([]);
    expect((await views(id, { promotionId: promo, views: 100 })).status).toBe(400);
    expect((await views(id, { promotionId: '' })).status).toBe(400);
    expect((await api('POST', `/api/calls/${id}/views`)).status).toBe(400);
    expect((await views('01NOSUCHCALL', {})).status).toBe(404);
    expect((await views(id, {}, 'not-a-token')).status).toBe(401);
    const draft = await api('POST', '/api/calls', { token: t.fredrikstad, body: callBody() });
    expect((await views(draft.body.id, {})).status).toBe(404);

    // Issue 7: views count once per viewer per call per 24 h. The three anonymous posts carried no visitor
    // cookie (not counted); the signed-in company counts once.
    expect((await reachOf(promo)).views).toBe(1);
  });
});

describe('reach and the member feed', () => {
  it('counts member viewers and member proposals after the promotion only, proposals once unsealed', async () => {
    const deadline = (await serverNow(stack.client)) + 6000;
    const id = await openCall({ deadline: new Date(deadline).toISOString() });
    const [viewer, early] = await acceptedMembers(A0.id, t.association!, 2);
    const stranger = await outsider(A0.id);
    // A member that answered before the promotion does not count as its result.
    expect((await api('PUT', `/api/calls/${id}/proposals/mine`, { token: early!.token, body: proposalBody() })).status).toBe(201);
    await api('POST', `/api/calls/${id}/views`, { token: early!.token, body: {} });
    await sleep(5);
    const promo = (await promote(id)).body.id as string;

    let reach = await reachOf(promo);
    expect(reach).toMatchObject({ promotionId: promo, associationId: A0.id, callId: id, views: 0, memberViewers: 0, memberProposals: null });
    expect(reach.proposalsSealedUntil).toEqual(expect.any(String));

    // A member opens the link, twice, and answers; an outsider does the same.
    for (const token of [viewer!.token, viewer!.token, stranger.token]) {
      expect((await api('POST', `/api/calls/${id}/views`, { token, body: { promotionId: promo } })).status).toBe(204);
    }
    for (const who of [viewer!, stranger]) {
      expect((await api('PUT', `/api/calls/${id}/proposals/mine`, { token: who.token, body: proposalBody() })).status).toBe(201);
    }
    reach = await reachOf(promo);
    // One counted view per viewer (issue 7): the member twice and the outsider once make two.
    expect(reach).toMatchObject({ views: 2, memberViewers: 1, memberProposals: null });
    // The promotion's own counters: one per viewer, and members whose first opening since the promotion was the link.
    expect(await getPromotion(promo)).toMatchObject({ views: 2, memberViewers: 1 });

    // The early member opens the call again, without the link: now a viewer after the promotion.
    await api('POST', `/api/calls/${id}/views`, { token: early!.token, body: {} });
    reach = await reachOf(promo);
    expect(reach).toMatchObject({ views: 2, memberViewers: 2, memberProposals: null });

    // Issue 7: a passed deadline alone no longer reveals the count; the municipality must have chosen its
    // partners (an outcome, published or not).
    await passTime(stack.client, Math.max(0, deadline - (await serverNow(stack.client))) + 200);
    reach = await reachOf(promo);
    expect(reach).toMatchObject({ views: 2, memberViewers: 2, memberProposals: null });
    expect(reach.proposalsSealedUntil).toBeUndefined();
    const outcome = await api('PUT', `/api/calls/${id}/outcome`, {
      token: t.fredrikstad,
      body: { partners: [], projectStatus: 'pilot', results: '', lessons: '', documents: [], wouldRecommend: true, published: false },
    });
    expect(outcome.status).toBe(200);
    reach = await reachOf(promo);
    expect(reach).toMatchObject({ views: 2, memberViewers: 2, memberProposals: 1 });

    expect(await reachOf(promo, t.programme)).toEqual(reach);
    for (const token of [t.otherAssociation, t.fredrikstad, viewer!.token]) {
      expect((await api('GET', `/api/associations/${A0.id}/reach`, { token })).status).toBe(403);
    }
    expect((await api('GET', `/api/associations/${A0.id}/reach`)).status).toBe(401);
    expect((await api('GET', '/api/associations/3107/reach', { token: t.programme })).status).toBe(404);
  });

  it('shows members the calls their associations promote, newest first, while open', async () => {
    const [m] = await acceptedMembers(A0.id, t.association!, 1);
    const stranger = await outsider(A0.id);
    const first = await openCall({ title: 'Sensorer i bekker og elver' });
    const second = await openCall({ title: 'Ladepunkter for hjemmetjenesten' });
    const p1 = (await promote(first)).body;
    await sleep(5);
    const p2 = (await promote(second)).body;

    const feed = await api('GET', '/api/me/feed', { token: m!.token });
    expect(feed.status).toBe(200);
    const ours = feed.body.items.filter((p: any) => p.id === p1.id || p.id === p2.id);
    expect(ours).toEqual([p2, p1]);
    expect(ours[0].link).toBe(`/utlysninger/${second}?promo=${p2.id}`);
    const dates = feed.body.items.map((p: any) => p.promotedAt);
    expect([...dates].sort().reverse()).toEqual(dates);

    const theirs = await api('GET', '/api/me/feed', { token: stranger.token });
    expect(theirs.body.items.map((p: any) => p.id)).not.toContain(p1.id);

    // A cancelled call leaves the feed (but the promotion stays on the public page).
    await api('POST', `/api/calls/${second}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
    const after = await api('GET', '/api/me/feed', { token: m!.token });
    expect(after.body.items.map((p: any) => p.id)).toContain(p1.id);
    expect(after.body.items.map((p: any) => p.id)).not.toContain(p2.id);
    const page = await api('GET', `/api/associations/${A0.id}`);
    expect(page.body.promotions.map((p: any) => p.id)).toContain(p2.id);

    for (const token of [t.association, t.fredrikstad]) expect((await api('GET', '/api/me/feed', { token })).status).toBe(403);
  });
});
