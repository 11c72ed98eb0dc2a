import { describe, expect, it } from 'vitest';
import { callToReleases, compileReleases, mainProcurementCategory } from '../../../../functions/opendata/ocds.js';
import { feedLang } from '../../../../functions/opendata/lang.js';
import { matchesCallSearch, searchWords } from '../../../../shared/domain/call-search.js';
import { computeStats, median } from '../../../../functions/programme/compute-stats.js';
import type { CallRecord } from '../../../../functions/data/calls.js';
import type { AwardDecision } from '../../../../functions/data/award.js';
import { addMonths } from '../../../../functions/opendata/ocds-awards.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const call = (over: Partial<CallRecord> = {}): CallRecord => ({
  id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  municipalityCode: '3107',
  title: 'Behovsstyrt gatelys',
  summary: 'Gatelys som dimmes.',
  description: 'Lang beskrivelse av behovet.',
  domains: ['energy'],
  cpvCodes: ['31520000'],
  deadline: '2026-03-10T11:00:00.000Z',
  procedure: 'competitive-negotiation',
  status: 'open',
  version: 2,
  createdAt: '2026-02-01T10:00:00.000Z',
  updatedAt: '2026-02-03T10:00:00.000Z',
  publishedAt: '2026-02-03T10:00:00.000Z',
  createdBy: 'user-3107',
  ...over,
});
const ctx = { ocidPrefix: 'ocds-test', callUrl: (id: string) => `https://x/utlysninger/${id}`, supplierNames: new Map<string, string>(), now: NOW };

describe('OCDS mapping', () => {
  const tags = (c: CallRecord, outcome?: Parameters<typeof callToReleases>[1]) => callToReleases(c, outcome, ctx).map((r) => [r.tag[0], r.tender.status]);

  it('publishes a tender as active, and keeps it active after the deadline (no award, no complete)', () => {
    expect(tags(call())).toEqual([['tender', 'active']]);
    expect(tags(call({ deadline: '2026-02-20T11:00:00.000Z' }))).toEqual([['tender', 'active']]);
  });

  it('adds a tenderUpdate when the call was corrected after publishing (a recorded correction, not any write)', () => {
    expect(tags(call({ updatedAt: '2026-02-05T09:00:00.000Z', lastChangedAt: '2026-02-05T09:00:00.000Z', changeCount: 1, version: 3 }))).toEqual([
      ['tender', 'active'],
      ['tenderUpdate', 'active'],
    ]);
    expect(tags(call({ updatedAt: '2026-02-05T09:00:00.000Z', version: 3 }))).toEqual([['tender', 'active']]);
  });

  it('cancels with tenderCancellation after the tender release', () => {
    const c = call({ status: 'cancelled', cancelledAt: '2026-02-06T08:00:00.000Z', updatedAt: '2026-02-06T08:00:00.000Z' });
    expect(tags(c)).toEqual([
      ['tender', 'active'],
      ['tenderCancellation', 'cancelled'],
    ]);
  });

  it('publishes a market dialogue as planning, never as a tender, and withdraws it when cancelled', () => {
    const md = call({ procedure: 'market-dialogue' });
    expect(tags(md)).toEqual([['planning', 'planning']]);
    const [r] = callToReleases(md, undefined, ctx);
    expect(r!.tender.procurementMethod).toBeUndefined();
    expect(r!.planning!.milestones[0]).toMatchObject({ type: 'engagement', dueDate: md.deadline, status: 'scheduled' });
    expect(
      tags(call({ procedure: 'market-dialogue', status: 'cancelled', cancelledAt: '2026-02-06T08:00:00.000Z', updatedAt: '2026-02-06T08:00:00.000Z' })),
    ).toEqual([
      ['planning', 'planning'],
      ['planningUpdate', 'withdrawn'],
    ]);
  });

  it('derives the main category from the first CPV division', () => {
    expect(mainProcurementCategory(['45300000'])).toBe('works');
    expect(mainProcurementCategory(['48000000'])).toBe('goods');
    expect(mainProcurementCategory(['72212000', '45300000'])).toBe('services');
    expect(mainProcurementCategory([])).toBeUndefined();
  });

  it('adds an award release, dated, with NO-BRC suppliers, and ids every release without #', () => {
    const rs = callToReleases(call(), { callId: 'x', partners: ['112345604'], updatedAt: '2026-02-25T00:00:00.000Z' }, ctx);
    expect(rs.map((r) => r.tag)).toEqual([['tender'], ['award']]);
    const r = rs[1]!;
    expect(r.date).toBe('2026-02-25T00:00:00.000Z');
    expect(new Set(rs.map((x) => x.id)).size).toBe(2);
    for (const x of rs) expect(x.id).not.toContain('#');
    expect(r.awards![0]).toEqual({
      id: `${call().id}-award`,
      status: 'active',
      date: '2026-02-25T00:00:00.000Z',
      suppliers: [{ id: 'NO-BRC-112345604', name: 'Organisasjonsnummer 112345604' }],
    });
    expect(r.tender.procurementMethod).toBe('selective');
    expect(r.tender.value).toBeUndefined();
  });

  it('gives no award for a published outcome without partners', () => {
    expect(tags(call(), { callId: 'x', partners: [], updatedAt: '2026-02-25T00:00:00.000Z' })).toEqual([['tender', 'active']]);
  });

  it('identifies the buyer in Enhetsregisteret, with its SSB name and NUTS region', () => {
    const [r] = callToReleases(call({ municipalityCode: '3114' }), undefined, ctx);
    expect(r!.parties[0]).toEqual({
      id: 'NO-BRC-959272581',
      name: 'Våler kommune (Østfold)',
      identifier: { scheme: 'NO-BRC', id: '959272581', legalName: 'Våler kommune (Østfold)' },
      address: { locality: 'Våler (Østfold)', region: 'NO083', countryName: 'Norge' },
      roles: ['buyer', 'procuringEntity'],
    });
  });

  it('describes the item bought, classified by its own CPV labels, in the asked language', () => {
    const c = call({ cpvCodes: ['48813200', '72212000'] });
    const [nb] = callToReleases(c, undefined, ctx);
    expect(nb!.tender.items).toEqual([
      {
        id: '1',
        description: c.summary,
        classification: { scheme: 'CPV', id: '48813200', description: 'System for passasjerinformasjon i sanntid' },
        additionalClassifications: [{ scheme: 'CPV', id: '72212000', description: 'Programmering i forbindelse med applikasjonsprogrammer' }],
      },
    ]);
    const [en] = callToReleases(c, undefined, { ...ctx, lang: 'en' });
    expect(en!.language).toBe('en');
    expect(en!.tender.items![0]!.classification.description).toBe('Real-time passenger information system');
    expect(en!.tender.procurementMethodDetails).toBe('Competitive procedure with negotiation');
  });

  it('compiles a record: merged oldest to newest, tagged compiled', () => {
    const rs = callToReleases(call({ status: 'cancelled', cancelledAt: '2026-02-06T08:00:00.000Z', updatedAt: '2026-02-06T08:00:00.000Z' }), undefined, ctx);
    const compiled = compileReleases(rs) as any;
    expect(compiled.tag).toEqual(['compiled']);
    expect(compiled.tender.status).toBe('cancelled');
    expect(compiled.parties).toHaveLength(1);
  });
});

describe('OCDS from the award path', () => {
  const decision = (id: string, decidedAt: string, over: Partial<AwardDecision> = {}): AwardDecision => ({
    id,
    winners: ['112345604'],
    reasons: 'Høyest sum etter kriteriene.',
    decidedAt,
    decidedBy: 'user-3107',
    standstillDays: 10,
    standstillEndsAt: new Date(Date.parse(decidedAt) + 10 * 86_400_000).toISOString(),
    snapshot: {
      criteria: [{ id: 'pris', name: 'Pris', kind: 'price', weight: 40 }],
      items: [
        { orgNumber: '112345604', name: 'Lysverket Demo AS', priceNok: 450_000, scores: {}, weighted: {}, total: 80, rank: 1 },
        { orgNumber: '212345601', name: 'Annen Demo AS', priceNok: 600_000, scores: {}, weighted: {}, total: 70, rank: 2 },
      ],
    },
    ...over,
  });
  const closed = { deadline: '2026-02-10T11:00:00.000Z', procedure: 'startup-challenge' as const };
  const later = { ...ctx, now: new Date('2026-06-01T00:00:00Z') };
  const rows = (c: CallRecord) =>
    callToReleases(c, undefined, later).map((r) => [r.tag[0], r.tender.status, r.awards?.map((a) => a.status).join() ?? '', r.date]);

  it('publishes a pending award at the decision, without winners or price (public at the contract)', () => {
    const c = call({ ...closed, award: decision('D1', '2026-02-15T09:00:00.000Z') });
    expect(rows(c)).toEqual([
      ['tender', 'active', '', c.publishedAt],
      ['award', 'active', 'pending', '2026-02-15T09:00:00.000Z'],
    ]);
    const award = callToReleases(c, undefined, later)[1]!;
    expect(award.awards).toEqual([{ id: `${c.id}-award-D1`, status: 'pending', date: '2026-02-15T09:00:00.000Z' }]);
    expect(award.parties).toHaveLength(1);
    expect(award.tender.numberOfTenderers).toBeUndefined();
  });

  it('cancels a withdrawn award, awards again under a new id, and on the contract: award active with value and suppliers, contract, complete, numberOfTenderers', () => {
    const withdrawn = decision('D1', '2026-02-15T09:00:00.000Z', { withdrawnAt: '2026-02-17T09:00:00.000Z', withdrawReason: 'Feil i poeng.' });
    const c = call({
      ...closed,
      withdrawnAwards: [withdrawn],
      award: decision('D2', '2026-02-20T09:00:00.000Z'),
      contract: {
        signedAt: '2026-03-05T00:00:00.000Z',
        valueNok: 440_000,
        durationMonths: 24,
        recordedAt: '2026-03-05T10:00:00.000Z',
        recordedBy: 'user-3107',
      },
    });
    expect(rows(c)).toEqual([
      ['tender', 'active', '', c.publishedAt],
      ['award', 'active', 'pending', '2026-02-15T09:00:00.000Z'],
      ['awardUpdate', 'active', 'cancelled', '2026-02-17T09:00:00.000Z'],
      ['award', 'active', 'pending', '2026-02-20T09:00:00.000Z'],
      ['awardUpdate', 'complete', 'active', '2026-03-05T10:00:00.000Z'],
      ['contract', 'complete', 'active', '2026-03-05T10:00:00.000Z'],
    ]);
    const rs = callToReleases(c, undefined, later);
    expect(new Set(rs.map((r) => r.id)).size).toBe(rs.length);
    const contract = rs[5]!;
    expect(contract.awards![0]).toEqual({
      id: `${c.id}-award-D2`,
      status: 'active',
      date: '2026-02-20T09:00:00.000Z',
      value: { amount: 450_000, currency: 'NOK' },
      suppliers: [{ id: 'NO-BRC-112345604', name: 'Lysverket Demo AS' }],
    });
    expect(contract.contracts).toEqual([
      {
        id: `${c.id}-contract`,
        awardID: `${c.id}-award-D2`,
        status: 'active',
        value: { amount: 440_000, currency: 'NOK' },
        dateSigned: '2026-03-05T00:00:00.000Z',
        period: { startDate: '2026-03-05T00:00:00.000Z', endDate: '2028-03-05T00:00:00.000Z' },
      },
    ]);
    expect(contract.tender.numberOfTenderers).toBe(2);
    expect(contract.parties.find((p) => p.id === 'NO-BRC-112345604')).toMatchObject({ roles: ['supplier'], identifier: { scheme: 'NO-BRC', id: '112345604' } });
    const compiled = compileReleases(rs) as any;
    expect(compiled.awards.map((a: any) => [a.id.slice(-2), a.status])).toEqual([
      ['D1', 'cancelled'],
      ['D2', 'active'],
    ]);
    expect(compiled.tender.status).toBe('complete');
    // Outcome published on top of a contracted call: the award path decides, no second award.
    const withOutcome = callToReleases(c, { callId: c.id, partners: ['212345601'], updatedAt: '2026-04-01T00:00:00.000Z' }, later);
    expect(withOutcome.map((r) => r.id)).toEqual(rs.map((r) => r.id));
  });

  it('cancels a pending award with the call, and shows nothing of the future', () => {
    const c = call({ ...closed, award: decision('D1', '2026-02-15T09:00:00.000Z'), status: 'cancelled', cancelledAt: '2026-02-18T09:00:00.000Z' });
    expect(rows(c).slice(1)).toEqual([
      ['award', 'active', 'pending', '2026-02-15T09:00:00.000Z'],
      ['tenderCancellation', 'cancelled', 'cancelled', '2026-02-18T09:00:00.000Z'],
    ]);
    expect(callToReleases(c, undefined, { ...ctx, now: new Date('2026-02-16T00:00:00Z') }).map((r) => r.tag[0])).toEqual([
      'tender',
      'award',
      'tenderCancellation',
    ]);
    expect(
      callToReleases(call({ ...closed, award: decision('D1', '2026-02-15T09:00:00.000Z') }), undefined, { ...ctx, now: new Date('2026-02-14T00:00:00Z') }).map(
        (r) => r.tag[0],
      ),
    ).toEqual(['tender']);
  });

  it('ends a contract period the same day months later, clamped to the month', () => {
    expect(addMonths('2026-01-31T00:00:00.000Z', 1)).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonths('2026-03-05T10:00:00.000Z', 12)).toBe('2027-03-05T10:00:00.000Z');
  });
});

describe('feed and open-data language', () => {
  it.each([
    [undefined, undefined, 'nb'],
    ['en', 'nb-NO', 'en'],
    [undefined, 'en-GB,en;q=0.9,nb;q=0.5', 'en'],
    [undefined, 'nn-NO,en;q=0.8', 'nb'],
    [undefined, 'de-DE,en;q=0.7', 'en'],
    [undefined, 'de-DE', 'nb'],
    [undefined, 'en;q=0, nb', 'nb'],
  ] as const)('?lang=%s with Accept-Language %s → %s', (q, header, lang) => {
    expect(feedLang(q, header)).toBe(lang);
  });
});

describe('feed filters', () => {
  it('matches CPV prefixes and lower-cases search words like the public list', () => {
    expect(matchesCallSearch({ cpvPrefix: '3152' }, call())).toBe(true);
    expect(matchesCallSearch({ cpvPrefix: '72' }, call())).toBe(false);
    expect(matchesCallSearch({ cpvPrefix: undefined }, call())).toBe(true);
    expect(searchWords('  Gatelys  ØSTFOLD gatelys ')).toEqual(['gatelys', 'østfold']);
  });
});

describe('programme figures', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('answers zeros and nulls, not NaN, for an empty programme', () => {
    const s = computeStats({ calls: [], proposals: [], sme: new Map(), promotions: [], acceptedMembers: new Set(), chosen: new Set() }, NOW);
    expect(s.calls.total).toBe(0);
    expect(s.calls.byMunicipality).toHaveLength(12);
    expect(s.proposals).toEqual({
      total: 0,
      perCall: { mean: 0, median: 0, max: 0 },
      medianDaysToFirstProposal: null,
      distinctCompanies: 0,
      smeShare: null,
      fromPromotions: 0,
    });
    expect(s.needsHelp).toEqual([]);
  });

  it('measures days to the first proposal and flags calls that need help', () => {
    const a = call({ id: 'A' });
    const b = call({ id: 'B', deadline: '2026-04-30T11:00:00.000Z' });
    const c = call({ id: 'C', deadline: '2026-03-05T11:00:00.000Z' });
    const s = computeStats(
      {
        calls: [a, b, c],
        proposals: [
          { callId: 'A', orgNumber: '1', submittedAt: '2026-02-05T10:00:00.000Z' },
          { callId: 'A', orgNumber: '2', submittedAt: '2026-02-04T10:00:00.000Z' },
        ],
        sme: new Map([['2', false]]),
        promotions: [],
        acceptedMembers: new Set(),
        // Every call has chosen its partners here: the figures count all of them.
        chosen: new Set(['A', 'B', 'C']),
      },
      NOW,
    );
    expect(s.proposals.medianDaysToFirstProposal).toBe(1);
    expect(s.proposals.perCall).toEqual({ mean: 0.67, median: 0, max: 2 });
    expect(s.proposals.smeShare).toBe(0.5);
    // Needs help from public facts: A (with proposals) closes within 14 days too and nobody promoted it.
    expect(s.needsHelp.map((n) => n.callId)).toContain('C');
  });

  it('lists the 20 calls that need help with the nearest deadlines and says that more do', () => {
    const empty = { proposals: [], sme: new Map<string, boolean>(), promotions: [], acceptedMembers: new Set<string>(), chosen: new Set<string>() };
    // 25 open calls closing on days 1..25 from NOW: 13 within 14 days, so all of them are listed.
    const daily = (n: number) =>
      Array.from({ length: n }, (_, i) => call({ id: `D${i}`, deadline: new Date(NOW.getTime() + (i + 1) * 86_400_000 - 3_600_000).toISOString() }));
    const few = computeStats({ calls: daily(25).reverse(), ...empty }, NOW);
    expect(few.needsHelp.map((n) => n.callId)).toEqual(Array.from({ length: 14 }, (_, i) => `D${i}`));
    expect(few.needsHelpMore).toBe(false);
    // 30 calls closing within the same hour: only the first 20 by deadline are shown, and the list says there are more.
    const many = Array.from({ length: 30 }, (_, i) =>
      call({ id: `H${String(i).padStart(2, '0')}`, deadline: new Date(NOW.getTime() + 86_400_000 + (30 - i) * 60_000).toISOString() }),
    );
    const s = computeStats({ calls: many, ...empty }, NOW);
    expect(s.needsHelp).toHaveLength(20);
    expect(s.needsHelpMore).toBe(true);
    expect(s.needsHelp.map((n) => n.callId)).toEqual(
      many
        .slice(10)
        .map((c) => c.id)
        .reverse(),
    );
  });

  it('leaves proposals to calls whose partners are not chosen out of every figure, and needsHelp blind to them', () => {
    const a = call({ id: 'A' });
    const c = call({ id: 'C', deadline: '2026-03-05T11:00:00.000Z' });
    const input = {
      calls: [a, c],
      proposals: [{ callId: 'C', orgNumber: '1', submittedAt: '2026-02-05T10:00:00.000Z' }],
      sme: new Map<string, boolean>(),
      promotions: [{ callId: 'A', associationId: 'X', promotedAt: '2026-02-01T10:00:00.000Z', views: 50 }],
      acceptedMembers: new Set(['X#1']),
    };
    const hidden = computeStats({ ...input, chosen: new Set() }, NOW);
    const none = computeStats({ ...input, proposals: [], chosen: new Set() }, NOW);
    expect(hidden.proposals).toEqual(none.proposals);
    expect(hidden.needsHelp).toEqual(none.needsHelp);
    // A is well promoted (50 views): it does not need help; C does, with or without its proposal.
    expect(hidden.needsHelp.map((n) => n.callId)).toEqual(['C']);
    expect(computeStats({ ...input, chosen: new Set(['C']) }, NOW).proposals.total).toBe(1);
  });
});
