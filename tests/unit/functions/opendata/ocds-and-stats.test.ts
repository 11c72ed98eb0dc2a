import { describe, expect, it } from 'vitest';
import { callToRelease, mainProcurementCategory, releaseDate, tenderStatus } from '../../../../functions/opendata/ocds.js';
import { matchesCallSearch, searchWords } from '../../../../shared/domain/call-search.js';
import { computeStats, median } from '../../../../functions/programme/compute-stats.js';
import type { CallRecord } from '../../../../functions/data/calls.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const call = (over: Partial<CallRecord> = {}): CallRecord => ({
  id: '01HZZZZZZZZZZZZZZZZZZZZZZZ', municipalityCode: '3107', title: 'Behovsstyrt gatelys', summary: 'Gatelys som dimmes.',
  description: 'Lang beskrivelse av behovet.', domains: ['energy'], cpvCodes: ['31520000'], deadline: '2026-03-10T11:00:00.000Z',
  procedure: 'competitive-negotiation', status: 'open', version: 2, createdAt: '2026-02-01T10:00:00.000Z',
  updatedAt: '2026-02-03T10:00:00.000Z', publishedAt: '2026-02-03T10:00:00.000Z', createdBy: 'user-3107', ...over,
});
const ctx = { ocidPrefix: 'ocds-test', callUrl: (id: string) => `https://x/utlysninger/${id}`, supplierNames: new Map<string, string>(), now: NOW };

describe('OCDS mapping', () => {
  it('maps derived status onto the tenderStatus codelist', () => {
    expect(tenderStatus(call(), NOW)).toBe('active');
    expect(tenderStatus(call({ deadline: '2026-02-20T11:00:00.000Z' }), NOW)).toBe('complete');
    expect(tenderStatus(call({ status: 'cancelled' }), NOW)).toBe('cancelled');
  });

  it('derives the main category from the first CPV division', () => {
    expect(mainProcurementCategory(['45300000'])).toBe('works');
    expect(mainProcurementCategory(['48000000'])).toBe('goods');
    expect(mainProcurementCategory(['72212000', '45300000'])).toBe('services');
    expect(mainProcurementCategory([])).toBeUndefined();
  });

  it('dates a release by the latest event, the passed deadline included, and ids it without #', () => {
    expect(releaseDate(call(), undefined, NOW)).toBe('2026-02-03T10:00:00.000Z');
    expect(releaseDate(call({ deadline: '2026-02-20T11:00:00.000Z' }), undefined, NOW)).toBe('2026-02-20T11:00:00.000Z');
    const r = callToRelease(call(), { callId: 'x', partners: ['912345602'], updatedAt: '2026-02-25T00:00:00.000Z' }, ctx);
    expect(r.date).toBe('2026-02-25T00:00:00.000Z');
    expect(r.id).not.toContain('#');
    expect(r.tag).toEqual(['tender', 'award']);
    expect(r.awards![0]!.suppliers).toEqual([{ id: 'NO-BRC-912345602', name: 'Organisasjonsnummer 912345602' }]);
    expect(r.tender.procurementMethod).toBe('selective');
    expect(r.tender.value).toBeUndefined();
  });

  it('gives no award for a published outcome without partners', () => {
    const r = callToRelease(call(), { callId: 'x', partners: [] }, ctx);
    expect(r.awards).toBeUndefined();
    expect(r.tag).toEqual(['tender']);
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
    expect(s.proposals).toEqual({ total: 0, perCall: { mean: 0, median: 0, max: 0 }, medianDaysToFirstProposal: null, distinctCompanies: 0, smeShare: null, fromPromotions: 0 });
    expect(s.needsHelp).toEqual([]);
  });

  it('measures days to the first proposal and flags calls that need help', () => {
    const a = call({ id: 'A' });
    const b = call({ id: 'B', deadline: '2026-04-30T11:00:00.000Z' });
    const c = call({ id: 'C', deadline: '2026-03-05T11:00:00.000Z' });
    const s = computeStats({
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
    }, NOW);
    expect(s.proposals.medianDaysToFirstProposal).toBe(1);
    expect(s.proposals.perCall).toEqual({ mean: 0.67, median: 0, max: 2 });
    expect(s.proposals.smeShare).toBe(0.5);
    // Needs help from public facts: A (with proposals) closes within 14 days too and nobody promoted it.
    expect(s.needsHelp.map((n) => n.callId)).toContain('C');
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
