import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import ICAL from 'ical.js';
import { startTestStack, callBody } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};
const BASE = 'http://localhost:3000';

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad'] as const) t[who] = await stack.client.login(users[who]);
});
afterAll(() => stack?.close());

/** What GET /api/calls lists as open for the same filters: the feeds must hold exactly these. */
async function openCalls(filters = ''): Promise<any[]> {
  const res = await stack.client.call('GET', `/api/calls?status=open&limit=100${filters}`);
  expect(res.status).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return res.body.items;
}

async function rss(query = '') {
  const res = await stack.client.call<string>('GET', `/api/feeds/calls${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  const parsed = await new Parser().parseString(res.body);
  // Calls cancelled in the last 30 days are in the feed too, marked AVLYST (tests/integration/openphase/cancel.test.ts).
  return { xml: res.body, allItems: parsed.items, feed: { ...parsed, items: parsed.items.filter((i) => !i.title?.startsWith('AVLYST')) } as typeof parsed };
}

async function ics(query = '') {
  const res = await stack.client.call<string>('GET', `/api/feeds/deadlines.ics${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  const cal = new ICAL.Component(ICAL.parse(res.body));
  const all = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { text: res.body, cal, all, events: all.filter((e) => e.component.getFirstPropertyValue('status') !== 'CANCELLED') };
}

const idOf = (link: string) => link.split('/utlysninger/')[1];
/** Cancelled calls stay 30 days, marked: the open ones are the rest. */
const openItems = <T extends { title?: string }>(items: T[]) => items.filter((i) => !i.title?.startsWith('AVLYST: '));
const openEvents = (events: any[]) => events.filter((e) => e.component.getFirstPropertyValue('status') !== 'CANCELLED');

describe('RSS feed of open calls', () => {
  it('parses as RSS 2.0 and holds exactly the open calls, linked to their pages', async () => {
    const expected = await openCalls();
    expect(expected.length).toBeGreaterThanOrEqual(15);
    const { xml, feed } = await rss();
    expect(xml).toMatch(/<rss version="2.0"/);
    expect(feed.title).toContain('Innovasjonstorget');
    expect(feed.language).toBe('nb');
    expect(
      openItems(feed.items)
        .map((i) => idOf(i.link!))
        .sort(),
    ).toEqual(expected.map((c) => c.id).sort());
    const first = expected[0];
    const item = feed.items.find((i) => idOf(i.link!) === first.id)!;
    expect(item).toMatchObject({ title: first.title, link: `${BASE}/utlysninger/${first.id}`, guid: `${BASE}/utlysninger/${first.id}` });
    expect(item.contentSnippet ?? item.content).toContain(first.summary);
    // RFC 822 dates have whole seconds.
    expect(Date.parse(item.isoDate!)).toBe(Math.floor(Date.parse(first.publishedAt) / 1000) * 1000);
  });

  it('dates lastBuildDate by the newest change it holds, not the request, and says every amount is without VAT', async () => {
    const { xml, feed } = await rss();
    const calls = [...(await openCalls())];
    const newest = Math.max(...calls.map((c) => Date.parse(c.updatedAt)), ...calls.map((c) => (c.cancelledAt ? Date.parse(c.cancelledAt) : 0)));
    const built = Date.parse(/<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(xml)![1]!);
    expect(built).toBeGreaterThanOrEqual(Math.floor(newest / 1000) * 1000);
    expect(built).toBeLessThan(Date.now() - 1000);
    const withBudget = calls.find((c) => c.budgetNok?.max !== undefined)!;
    const item = feed.items.find((i) => idOf(i.link!) === withBudget.id)!;
    expect(item.content).toMatch(/Budsjett: .*kr ekskl\. mva\./);
    // Each CPV code with its own official label.
    for (const code of withBudget.cpvCodes) expect(item.content).toContain(`${code} ${withBudget.cpvLabels[code].nb}`);
    expect(xml).not.toMatch(/kr(?! ekskl\. mva\.)[ .<]/);
  });

  it('answers in English with ?lang=en or Accept-Language', async () => {
    const cases: { q: string; headers: Record<string, string> }[] = [
      { q: '?lang=en', headers: {} },
      { q: '', headers: { 'accept-language': 'en-GB,en;q=0.9,nb;q=0.5' } },
    ];
    for (const opts of cases) {
      const res = await stack.client.call<string>('GET', `/api/feeds/calls${opts.q}`, { headers: opts.headers });
      expect(res.body).toContain('<language>en</language>');
      expect(res.body).toContain('NOK excl. VAT');
      expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    }
    const cal = await stack.client.call<string>('GET', '/api/feeds/deadlines.ics?lang=en');
    expect(cal.body).toMatch(/SUMMARY:(Tender deadline|Deadline for input|Deadline for requests to participate): /);
    expect(cal.body).not.toMatch(/SUMMARY:(Tilbudsfrist|Frist)/);
  });

  it('never lists drafts or closed calls', async () => {
    const draft = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ title: 'Utkast som ikke skal i feeden' }) });
    const closed = (await stack.client.call('GET', '/api/calls?status=closed&limit=100')).body.items.map((c: any) => c.id);
    const { feed } = await rss();
    const ids = feed.items.map((i) => idOf(i.link!));
    expect(ids).not.toContain(draft.body.id);
    for (const id of closed) expect(ids).not.toContain(id);
    expect(feed.items.some((i) => i.title === 'Utkast som ikke skal i feeden')).toBe(false);
  });

  it.each([
    ['municipality=3107', '&municipality=3107'],
    ['domain=mobility', '&domain=mobility'],
    ['q=sensorer sanntid', '&q=sensorer%20sanntid'],
    ['q=SENSORER (case-insensitive)', '&q=SENSORER'],
  ])('filters like GET /api/calls: %s', async (_name, filter) => {
    const expected = await openCalls(filter);
    expect(expected.length).toBeGreaterThan(0);
    const { feed } = await rss(`?${filter.slice(1)}`);
    expect(
      openItems(feed.items)
        .map((i) => idOf(i.link!))
        .sort(),
    ).toEqual(expected.map((c) => c.id).sort());
  });

  it("filters by a CPV prefix matching any of the call's codes", async () => {
    const all = await openCalls();
    for (const prefix of ['905', '72', '38730000']) {
      const expected = all
        .filter((c) => c.cpvCodes.some((code: string) => code.startsWith(prefix)))
        .map((c) => c.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      const { feed } = await rss(`?cpv=${prefix}`);
      expect(
        openItems(feed.items)
          .map((i) => idOf(i.link!))
          .sort(),
      ).toEqual(expected);
    }
  });

  it('combines filters and answers an empty, still valid feed when nothing matches', async () => {
    const { feed } = await rss('?municipality=3124&domain=mobility&cpv=45');
    expect(feed.items).toHaveLength(0);
    expect(feed.title).toContain('Aremark');
  });

  it('refuses malformed filters with problem+json 400', async () => {
    for (const q of ['?cpv=9', '?cpv=abc', '?municipality=0301', '?domain=space']) {
      const res = await stack.client.call('GET', `/api/feeds/calls${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe("iCalendar of open calls' deadlines", () => {
  it('parses, is named, ends every line with CRLF, and has one VEVENT per open call at its deadline, with a reminder', async () => {
    const expected = await openCalls();
    const { cal, events, text } = await ics();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toContain('Innovasjonstorget');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(openEvents(events)).toHaveLength(expected.length);
    for (const c of expected) {
      const ev = events.find((e) => e.component.getFirstPropertyValue('url') === `${BASE}/utlysninger/${c.id}`);
      expect(ev, c.id).toBeDefined();
      // The noun follows the procedure (docs/glossary.md), written out here rather than taken from the code.
      const [deadline, many] =
        c.procedure === 'market-dialogue'
          ? ['Frist for innspill', 'innspill']
          : c.procedure === 'innovation-partnership' || c.procedure === 'competitive-negotiation'
            ? ['Frist for forespørsel om å delta', 'forespørsler om å delta']
            : ['Tilbudsfrist', 'tilbud'];
      expect(ev!.summary).toBe(`${deadline}: ${c.title}`);
      const alarms = ev!.component.getAllSubcomponents('valarm');
      expect(alarms, c.id).toHaveLength(1);
      expect(alarms[0]!.getFirstPropertyValue('description')).toBe(`Fristen for ${many} til «${c.title}» går ut om 24 timer.`);
      expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarms[0]!.getFirstPropertyValue('trigger'))).toBe('-P1D');
      expect(ev!.startDate.toJSDate().getTime()).toBe(Date.parse(c.deadline));
      expect(ev!.description).toContain(c.summary);
      expect(ev!.description).toContain(`${BASE}/utlysninger/${c.id}`);
      expect(ev!.uid).toContain(c.id);
    }
  });

  it("keeps each event's UID stable between requests and unique per call", async () => {
    const a = (await ics()).events.map((e) => e.uid).sort();
    const b = (await ics()).events.map((e) => e.uid).sort();
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('takes the same filters as the RSS feed', async () => {
    for (const filter of ['municipality=3105', 'domain=energy', 'q=kommunen', 'cpv=72']) {
      const { feed } = await rss(`?${filter}`);
      const { events } = await ics(`?${filter}`);
      const fromFeed = openItems(feed.items)
        .map((i) => idOf(i.link!))
        .sort();
      const fromCal = openEvents(events)
        .map((e) => idOf(String(e.component.getFirstPropertyValue('url'))))
        .sort();
      expect(fromCal, filter).toEqual(fromFeed);
      expect(fromCal.length, filter).toBeGreaterThan(0);
    }
  });

  it('follows a newly published call and keeps it 30 days as cancelled, in the calendar and the feed', async () => {
    const created = await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ title: 'Kalendertest for frister' }) });
    const id = created.body.id as string;
    const event = async () => (await ics()).all.find((e) => e.uid.includes(id));
    expect(await event()).toBeUndefined();
    await stack.client.call('POST', `/api/calls/${id}/publish`, { token: t.fredrikstad });
    const published = (await event())!;
    expect(published.component.getFirstPropertyValue('status')).toBeNull();
    await stack.client.call('POST', `/api/calls/${id}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
    const cancelled = (await event())!;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.uid).toBe(published.uid);
    expect(cancelled.sequence).toBeGreaterThan(published.sequence);
    expect(cancelled.component.getAllSubcomponents('valarm')).toHaveLength(0);
    const item = (await rss()).allItems.find((i) => idOf(i.link!) === id)!;
    expect(item.title).toBe('AVLYST: Kalendertest for frister');
    expect(item.contentSnippet ?? item.content).toContain('Utlysningen ble avlyst');
    // The demo's three calls cancelled after publishing are within 30 days too.
    expect((await rss()).allItems.filter((i) => i.title?.startsWith('AVLYST: ')).length).toBeGreaterThanOrEqual(4);
  });
});
