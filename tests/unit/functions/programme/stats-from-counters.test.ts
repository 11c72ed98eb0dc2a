/**
 * The counters' arithmetic without a table: the counter items a set of calls makes (the bulk path,
 * aggregateItemsOf) read by statsFromCounters give computeStats' figures over the same calls, and the
 * histogram medians pick the right ranks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateItemsOf } from '../../../../functions/data/aggregates.js';
import { computeStats, median } from '../../../../functions/programme/compute-stats.js';
import { dtfDaysNeeded, histogram, locate, medianRanks, statsFromCounters } from '../../../../functions/programme/stats-from-counters.js';
import { deadlineMonth, monthItem, partnersChosen, type CallFacts } from '../../../../functions/programme/call-contribution.js';
import type { CallRecord } from '../../../../functions/data/call-record.js';

const NOW = new Date('2031-05-15T12:00:00.000Z');
const MIN = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN).toISOString();

describe('histogram medians', () => {
  it('find the values at the median ranks, equal to the median of the expanded values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), (values) => {
        const counts: Record<string, number> = {};
        for (const v of values) counts[`pc_${v}`] = (counts[`pc_${v}`] ?? 0) + 1;
        const h = histogram({ ...counts, pc_99: 0, other: 3 }, 'pc_');
        const ranks = medianRanks(values.length);
        expect(ranks.reduce((a, r) => a + locate(h, r).value, 0) / ranks.length).toBe(median(values));
      }),
    );
  });
});

const callArb = fc.record({
  muni: fc.constantFrom('3101', '3105', '3107'),
  status: fc.constantFrom('draft', 'open', 'open', 'cancelled') as fc.Arbitrary<CallRecord['status']>,
  deadline: fc.integer({ min: -60 * 1440, max: 40 * 1440 }),
  published: fc.integer({ min: -90 * 1440, max: -1 }),
  outcome: fc.boolean(),
  contract: fc.boolean(),
  proposals: fc.uniqueArray(fc.record({ org: fc.constantFrom('1', '2', '3', '4', '5'), after: fc.integer({ min: 0, max: 20 * 1440 }) }), {
    selector: (p) => p.org,
    maxLength: 5,
  }),
  promoted: fc.option(fc.integer({ min: 0, max: 10 * 1440 })),
});

describe('counter items read back', () => {
  it("give computeStats' figures for any set of calls (days to first proposal in whole minutes)", () => {
    fc.assert(
      fc.property(fc.array(callArb, { maxLength: 25 }), fc.constantFrom('1', '2', '9'), (specs, notSme) => {
        const facts: CallFacts[] = specs.map((s, i) => {
          const published = s.status === 'draft' ? undefined : at(s.published);
          const call = {
            id: `C${i}`,
            title: 'T',
            summary: 'S',
            description: 'D',
            domains: ['energy'],
            cpvCodes: [],
            deadline: at(s.deadline),
            procedure: 'innovation-partnership',
            municipalityCode: s.muni,
            status: s.status,
            version: 1,
            createdAt: at(-100 * 1440),
            updatedAt: at(0),
            createdBy: 't',
            ...(published ? { publishedAt: published } : {}),
            ...(s.contract ? { contract: { signedAt: at(0), valueNok: 1, recordedAt: at(0), recordedBy: 't' } } : {}),
          } as CallRecord;
          const proposals = s.proposals.map((p) => ({ orgNumber: p.org, submittedAt: at(s.published + p.after) }));
          const promotions = s.promoted === null ? [] : [{ associationId: 'A', promotedAt: at(s.published + s.promoted) }];
          return { call, hasOutcome: s.outcome, proposals, promotions, accepted: (_a, o) => o !== '3' };
        });
        const items = aggregateItemsOf(facts, (org) => org !== notSme);
        const item = (sk: string) => {
          const found = items.find((x) => x.pk === 'STATS#ALL' && x.sk === sk) ?? {};
          return Object.fromEntries(Object.entries(found).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
        };
        const main = item('COUNTS');
        const dtfDays = new Map(dtfDaysNeeded(main).map((d) => [d, item(`DTF#${d}`)]));
        const fromCounters = statsFromCounters({ main, month: item(monthItem(deadlineMonth(NOW.getTime()))), dtfDays }, NOW);
        const full = computeStats(
          {
            calls: facts.map((f) => f.call),
            proposals: facts.flatMap((f) => f.proposals.map((p) => ({ ...p, callId: f.call.id }))),
            sme: new Map([[notSme, false]]),
            promotions: facts.flatMap((f) => f.promotions.map((p) => ({ ...p, callId: f.call.id }))),
            acceptedMembers: new Set(['A#1', 'A#2', 'A#4', 'A#5', 'A#9']),
            chosen: new Set(facts.filter((f) => partnersChosen(f.call, f.hasOutcome)).map((f) => f.call.id)),
          },
          NOW,
        );
        const { needsHelp, needsHelpMore, ...rest } = full;
        void needsHelp, void needsHelpMore;
        expect(fromCounters).toEqual(rest);
      }),
      { numRuns: 300 },
    );
  });
});
