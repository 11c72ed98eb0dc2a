import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBody, passTime, serverNow, startTestStack } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { useOutbox } from '../../support/openphase.js';
import { removeAllSubscriptions } from '../../support/demo-subscriptions.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
let outbox: ReturnType<typeof useOutbox>;
const t: Record<string, string> = {};
const DAY = 86_400_000;
const ASKER_EMAIL = 'anbud@smartparkering.example';
const OTHER_EMAIL = 'post@glommen.example';

beforeAll(async () => {
  stack = await startTestStack();
  await removeAllSubscriptions();
  outbox = useOutbox();
  for (const who of ['fredrikstad', 'halden', 'sarpsborgCompany', 'otherCompany'] as const) t[who] = await stack.client.login(users[who]);
  for (const [who, org, email] of [
    ['sarpsborgCompany', companies.sarpsborg, ASKER_EMAIL],
    ['otherCompany', companies.other, OTHER_EMAIL],
  ] as const) {
    const { orgNumber: _o, updatedAt: _u, cpvLabels: _l, ...profile } = (await stack.client.call('GET', `/api/companies/${org.id}`)).body;
    expect((await stack.client.call('PUT', `/api/companies/${org.id}`, { token: t[who], body: { ...profile, contactEmail: email } })).status).toBe(200);
  }
});
afterAll(async () => {
  await stack?.close();
  outbox?.close();
});

async function openCall(overrides: Record<string, unknown> = {}) {
  const deadline = new Date((await serverNow(stack.client)) + 20 * DAY).toISOString();
  const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline, ...overrides }) });
  expect(draft.status).toBe(201);
  expect((await stack.client.call('POST', `/api/calls/${draft.body.id}/publish`, { token: t.fredrikstad })).status).toBe(200);
  return draft.body.id as string;
}
const ask = (id: string, who: string, text = 'Kan vi levere sensorer fra flere produsenter i samme tilbud?') =>
  stack.client.call('POST', `/api/calls/${id}/questions`, { token: t[who], body: { text } });
const questions = (id: string, token?: string, mine = false) => stack.client.call('GET', `/api/calls/${id}/questions${mine ? '?mine=true' : ''}`, { token });

describe('contact and question deadline', () => {
  it('defaults the contact to the publishing user and the question deadline to six days before the deadline', async () => {
    const id = await openCall();
    const call = (await stack.client.call('GET', `/api/calls/${id}`)).body;
    expect(call.contact).toEqual({ name: expect.any(String), email: expect.stringContaining('@') });
    expect(Date.parse(call.deadline) - Date.parse(call.questionDeadline)).toBe(6 * DAY);
  });

  it('keeps a contact and question deadline the call sets, and refuses a question deadline after the deadline (400)', async () => {
    const now = await serverNow(stack.client);
    const contact = { name: 'Kari Innkjøper', email: 'kari@fredrikstad.kommune.no', phone: '+47 69 30 60 00' };
    const questionDeadline = new Date(now + 15 * DAY).toISOString();
    const id = await openCall({ contact, questionDeadline });
    const call = (await stack.client.call('GET', `/api/calls/${id}`)).body;
    expect(call.contact).toEqual(contact);
    expect(call.questionDeadline).toBe(questionDeadline);
    const bad = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({ deadline: new Date(now + 10 * DAY).toISOString(), questionDeadline: new Date(now + 11 * DAY).toISOString() }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual({ path: 'questionDeadline', message: expect.any(String) });
  });

  it('closes questions at publication when six days before the deadline has already passed', async () => {
    const id = await openCall({ deadline: new Date((await serverNow(stack.client)) + 3 * DAY).toISOString() });
    const call = (await stack.client.call('GET', `/api/calls/${id}`)).body;
    expect(call.questionDeadline).toBe(call.publishedAt);
    expect((await ask(id, 'sarpsborgCompany')).status).toBe(409);
  });
});

describe('questions and answers', () => {
  it('a company asks (201 pending); only companies ask; text 10–4,000 characters', async () => {
    const id = await openCall();
    const res = await ask(id, 'sarpsborgCompany');
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['askedAt', 'id', 'status', 'text']);
    expect(res.body.status).toBe('pending');
    expect((await ask(id, 'sarpsborgCompany', 'For kort')).status).toBe(400);
    expect((await ask(id, 'sarpsborgCompany', 'x'.repeat(4001))).status).toBe(400);
    expect((await ask(id, 'halden')).status).toBe(403);
    expect((await stack.client.call('POST', `/api/calls/${id}/questions`, { body: { text: 'Uten innlogging spør jeg' } })).status).toBe(401);
  });

  it('refuses questions after the question deadline and on drafts or closed calls (409 / 404)', async () => {
    const id = await openCall();
    await passTime(stack.client, 14 * DAY + 60_000);
    const late = await ask(id, 'sarpsborgCompany');
    expect(late.status).toBe(409);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    const draft = await stack.client.call('POST', '/api/calls', {
      token: t.fredrikstad,
      body: callBody({ deadline: new Date((await serverNow(stack.client)) + 20 * DAY).toISOString() }),
    });
    expect((await ask(draft.body.id, 'sarpsborgCompany')).status).toBe(404);
  });

  it('shows the public only answered questions, with nothing that names or dates the asker', async () => {
    const id = await openCall();
    const asked = await ask(id, 'sarpsborgCompany', 'Smart Parkering Østfold AS lurer på om dere godtar to produsenter?');
    await ask(id, 'otherCompany', 'Er budsjettet inklusive merverdiavgift?');
    expect((await questions(id)).body.items).toEqual([]);

    const answered = await stack.client.call('POST', `/api/calls/${id}/questions/${asked.body.id}/answer`, {
      token: t.fredrikstad,
      body: { answer: 'Ja, flere produsenter er greit.', question: 'Godtar dere sensorer fra flere produsenter?' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', askedBy: { orgNumber: companies.sarpsborg.id, name: companies.sarpsborg.name } });

    for (const token of [undefined, t.otherCompany, t.halden]) {
      const pub = await questions(id, token);
      expect(pub.status).toBe(200);
      expect(pub.body.items).toHaveLength(1);
      const [item] = pub.body.items;
      expect(Object.keys(item).sort()).toEqual(['answer', 'answeredAt', 'id', 'question']);
      expect(item).toMatchObject({ question: 'Godtar dere sensorer fra flere produsenter?', answer: 'Ja, flere produsenter er greit.' });
      const text = JSON.stringify(pub.body);
      for (const trace of [companies.sarpsborg.id, companies.sarpsborg.name, users.sarpsborgCompany, asked.body.askedAt, 'Smart Parkering']) {
        expect(text).not.toContain(trace);
      }
      // The id is random, not a time-ordered ULID that would date the question.
      expect(item.id).not.toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    }
  });

  it('gives the owner every question with the asker, and a company its own with mine=true', async () => {
    const id = await openCall();
    await ask(id, 'sarpsborgCompany');
    await ask(id, 'otherCompany', 'Er budsjettet inklusive merverdiavgift?');
    const owner = await questions(id, t.fredrikstad);
    expect(owner.body.items).toHaveLength(2);
    expect(owner.body.items.map((q: any) => q.askedBy.orgNumber).sort()).toEqual([companies.sarpsborg.id, companies.other.id].sort());
    expect(owner.body.items.every((q: any) => q.status === 'pending' && q.askedAt)).toBe(true);
    const mine = await questions(id, t.otherCompany, true);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ text: 'Er budsjettet inklusive merverdiavgift?', status: 'pending' });
    expect(mine.body.items[0].askedBy).toBeUndefined();
    expect((await questions(id, undefined, true)).status).toBe(403);
  });

  it('only the owning municipality answers (403 for others), and an unknown question is a 404', async () => {
    const id = await openCall();
    const q = await ask(id, 'sarpsborgCompany');
    const path = `/api/calls/${id}/questions/${q.body.id}/answer`;
    expect((await stack.client.call('POST', path, { token: t.halden, body: { answer: 'Ja.' + ' '.repeat(2) + 'Greit.' } })).status).toBe(403);
    expect((await stack.client.call('POST', path, { token: t.sarpsborgCompany, body: { answer: 'Ja, greit.' } })).status).toBe(403);
    expect((await stack.client.call('POST', `/api/calls/${id}/questions/nope/answer`, { token: t.fredrikstad, body: { answer: 'Ja, greit.' } })).status).toBe(
      404,
    );
  });

  it('corrects an answer only as a new one, keeping the earlier in history', async () => {
    const id = await openCall();
    const q = await ask(id, 'sarpsborgCompany');
    const path = `/api/calls/${id}/questions/${q.body.id}/answer`;
    await stack.client.call('POST', path, { token: t.fredrikstad, body: { answer: 'Nei, bare én produsent.' } });
    await passTime(stack.client, 60_000);
    await stack.client.call('POST', path, { token: t.fredrikstad, body: { answer: 'Rettelse: flere produsenter er greit.' } });
    const [item] = (await questions(id)).body.items;
    expect(item.answer).toBe('Rettelse: flere produsenter er greit.');
    expect(item.earlierAnswers).toEqual([{ answer: 'Nei, bare én produsent.', answeredAt: expect.any(String) }]);
  });

  it('lets the owner publish a clarification without a question; a company cannot send an answer', async () => {
    const id = await openCall();
    const res = await stack.client.call('POST', `/api/calls/${id}/questions`, {
      token: t.fredrikstad,
      body: { text: 'Presisering om befaring i sentrum', answer: 'Befaring holdes 3. mars kl. 10 ved rådhuset.' },
    });
    expect(res.status).toBe(201);
    expect((await questions(id)).body.items).toEqual([expect.objectContaining({ question: 'Presisering om befaring i sentrum' })]);
    expect(
      (await stack.client.call('POST', `/api/calls/${id}/questions`, { token: t.sarpsborgCompany, body: { text: 'Jeg svarer meg selv her', answer: 'Ja' } }))
        .status,
    ).toBe(400);
    expect((await stack.client.call('POST', `/api/calls/${id}/questions`, { token: t.fredrikstad, body: { text: 'Presisering uten svar her' } })).status).toBe(
      400,
    );
  });
});

describe('answer notices', () => {
  it('tells every company with a stake once, with question and answer and no trace of the asker', async () => {
    const id = await openCall();
    await outbox.take();
    // The other company opened the call while signed in; Smart Parkering asked.
    expect((await stack.client.call('POST', `/api/calls/${id}/views`, { token: t.otherCompany, body: {} })).status).toBe(204);
    const q = await ask(id, 'sarpsborgCompany', 'Smart Parkering spør: kan vi bruke egne sensorer?');
    await stack.client.call('POST', `/api/calls/${id}/questions/${q.body.id}/answer`, {
      token: t.fredrikstad,
      body: { answer: 'Ja, egne sensorer er greit.', question: 'Kan leverandøren bruke egne sensorer?' },
    });
    const mails = await outbox.take();
    expect(mails.map((m) => m.to[0]).sort()).toEqual([ASKER_EMAIL, OTHER_EMAIL].sort());
    for (const m of mails) {
      expect(m.text).toContain('Kan leverandøren bruke egne sensorer?');
      expect(m.text).toContain('Ja, egne sensorer er greit.');
      for (const trace of [companies.sarpsborg.id, 'Smart Parkering', ASKER_EMAIL]) {
        if (m.to[0] !== ASKER_EMAIL || trace !== ASKER_EMAIL) expect(m.raw.replace(/^To:.*$/m, '')).not.toContain(trace);
      }
    }
    // The asker's copy says nothing of who asked either (its To: is its own address).
    expect(mails.find((m) => m.to[0] === ASKER_EMAIL)!.text).not.toContain('Smart Parkering');
  });
});
