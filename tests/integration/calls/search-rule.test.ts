/**
 * One search rule, two paths: the DynamoDB key condition and FilterExpression derived from it (the
 * published-calls index of postings, a municipality's own list) and the in-memory predicate (feeds,
 * notices) must pick the same calls for any search. Random calls and random searches, on real dynalite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { startTestStack } from '../../support/local-stack.js';
import { insertCall, publishedCallsPage, queryMunicipalityCalls, queryPublishedCalls, replaceCall, type CallRecord } from '../../../functions/data/calls.js';
import { pageFromEntries, publishedEntries, invalidatePublishedSnapshot } from '../../../functions/data/published-snapshot.js';
import { matchesCallSearch, type CallSearch } from '../../../shared/domain/call-search.js';

const WORDS = ['sensor', 'Søppel', 'gatelys', 'BÆREKRAFT', 'øra', 'app', 'vann', 'lading', 'sensorer,', 'billading'];
const MUNIS = ['3101', '3105', '3107', '0301'] as const;
const DOMAINS = ['mobility', 'energy', 'water-waste'] as const;
const CPV = ['90500000', '90510000', '34996000', '31520000', '48000000', '72212000'];
const NOW = '2030-06-01T12:00:00.000Z';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const calls: CallRecord[] = [];

const callArb = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
  body: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
  municipalityCode: fc.constantFrom(...MUNIS),
  domains: fc.uniqueArray(fc.constantFrom(...DOMAINS), { minLength: 1, maxLength: 2 }),
  cpvCodes: fc.uniqueArray(fc.constantFrom(...CPV), { maxLength: 2 }),
  days: fc.integer({ min: -30, max: 30 }).filter((d) => d !== 0),
  draft: fc.boolean(),
});

const searchArb: fc.Arbitrary<CallSearch> = fc.record(
  {
    words: fc.array(fc.constantFrom('sensor', 'søppel', 'gatelys', 'bærekraft', 'øra', 'app', 'vann', 'lading', 'sens', 'zzz', 'ø', 'billad'), {
      minLength: 1,
      maxLength: 3,
    }),
    municipality: fc.constantFrom(...MUNIS),
    county: fc.constantFrom('31', '03', '46'),
    domain: fc.constantFrom(...DOMAINS),
    cpvPrefix: fc.constantFrom('90', '905', '9051', '34996000', '72', '48'),
  },
  { requiredKeys: [] },
);

beforeAll(async () => {
  stack = await startTestStack({ seed: false });
  const samples = fc.sample(callArb, { numRuns: 60, seed: 42 });
  for (const [i, s] of samples.entries()) {
    const deadline = new Date(Date.parse(NOW) + s.days * 86_400_000).toISOString();
    const call: CallRecord = {
      id: ulid(Date.parse('2030-01-01') + i),
      title: `Utlysning ${s.title.join(' ')}`,
      summary: `Kort om ${s.body.join(' ') || 'saken'}.`,
      description: `Beskrivelse: ${s.body.join(' ')} ${s.title.join(' ')}.`,
      domains: s.domains,
      cpvCodes: s.cpvCodes,
      deadline,
      procedure: 'market-dialogue',
      municipalityCode: s.municipalityCode,
      status: s.draft ? 'draft' : 'open',
      version: 1,
      createdAt: new Date(Date.parse('2030-01-01') + i * 1000).toISOString(),
      updatedAt: '2030-01-01T00:00:00.000Z',
      createdBy: 'test',
    };
    await insertCall(call);
    calls.push(call);
  }
  // Corrections and cancellations move postings: a few calls change after publication.
  for (const [i, c] of calls.entries()) {
    if (c.status !== 'open' || i % 7 !== 0) continue;
    const next: CallRecord =
      i % 14 === 0
        ? { ...c, status: 'cancelled', version: 2, cancelledAt: NOW, publishedAt: NOW }
        : {
            ...c,
            title: `Rettet ${c.title} gatelys`,
            municipalityCode: '0301',
            deadline: new Date(Date.parse(c.deadline) + 86_400_000).toISOString(),
            version: 2,
          };
    expect(await replaceCall(next, 1)).toBe(true);
    calls[i] = next;
  }
});
afterAll(() => stack?.close());

const ids = (xs: readonly CallRecord[]) => xs.map((c) => c.id);
/** The deadline index's sort key: deadline, then id. */
const sortKey = (c: CallRecord) => `${c.deadline}#${c.id}`;

describe('the call search rule', () => {
  it('picks the same published calls through the facet index (key condition + filter), the deadline index and the in-memory predicate', async () => {
    invalidatePublishedSnapshot();
    const published = calls.filter((c) => c.status === 'open');
    const entries = (await publishedEntries(async () => published))!;
    await fc.assert(
      fc.asyncProperty(searchArb, fc.constantFrom('open' as const, 'closed' as const), fc.integer({ min: 1, max: 7 }), async (search, phase, pageSize) => {
        const expected = published
          .filter((c) => (phase === 'open' ? c.deadline > NOW : c.deadline <= NOW))
          .filter((c) => matchesCallSearch(search, c))
          .sort((a, b) => (phase === 'open' ? 1 : -1) * (sortKey(a) < sortKey(b) ? -1 : 1));
        // Paged through the facet index with small pages: the start keys carry over.
        const paged: CallRecord[] = [];
        let key: Awaited<ReturnType<typeof publishedCallsPage>>['lastKey'];
        do {
          const page = await publishedCallsPage(phase, NOW, search, pageSize, key);
          paged.push(...page.items);
          key = page.lastKey;
        } while (key);
        expect(ids(paged)).toEqual(ids(expected));
        const fromIndex = await queryPublishedCalls(phase, NOW, search, 1000);
        expect(ids(fromIndex.items)).toEqual(ids(expected));
        const fromSnapshot = pageFromEntries(entries, phase, NOW, search, 1000);
        expect(ids(fromSnapshot.items)).toEqual(ids(expected));
      }),
      { numRuns: 80, seed: 7 },
    );
  });

  it("picks the same calls from a municipality's own list (status and deadline too)", async () => {
    const statusArb = fc.constantFrom<Pick<CallSearch, 'status' | 'deadline'>>(
      {},
      { status: 'draft' },
      { status: 'open', deadline: { after: NOW } },
      { status: 'open', deadline: { before: NOW } },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MUNIS), searchArb, statusArb, async (muni, search, status) => {
        const s = { ...search, municipality: undefined, county: undefined, ...status };
        const got = await queryMunicipalityCalls(muni, s, 1000);
        const expected = calls.filter((c) => c.municipalityCode === muni && matchesCallSearch(s, c)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
        expect(ids(got.items)).toEqual(ids(expected));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('finds something for most searches, so the comparison is not between two empty lists', async () => {
    const published = calls.filter((c) => c.status === 'open');
    const hits = fc.sample(searchArb, { numRuns: 80, seed: 7 }).filter((s) => published.some((c) => matchesCallSearch(s, c)));
    expect(hits.length).toBeGreaterThan(10);
  });
});
