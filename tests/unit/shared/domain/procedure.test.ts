import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  callPhase,
  criteriaProblems,
  firstAnswerKind,
  priceScores,
  proposalFiguresMayBeShown,
  rankEvaluation,
  stagesOf,
  weightedScore,
  isFullyScored,
  median,
  CLIMATE_RULE,
  type PhaseState,
} from '../../../../shared/domain/procedure.js';
import { PROCEDURES } from '../../../../shared/domain/vocabulary.js';

const at = (iso: string) => new Date(iso);
const base = (over: Partial<PhaseState> = {}): PhaseState => ({
  procedure: 'startup-challenge',
  status: 'open',
  deadline: '2026-03-01T11:00:00.000Z',
  ...over,
});

describe('phase from stored state and the clock', () => {
  it('walks a single-stage competition: open → evaluation → standstill → contracted', () => {
    expect(callPhase(base(), at('2026-02-28T00:00:00Z'))).toBe('open');
    expect(callPhase(base(), at('2026-03-01T11:00:00Z'))).toBe('evaluation');
    const award = { decidedAt: '2026-03-05T10:00:00Z', standstillEndsAt: '2026-03-15T10:00:00Z' };
    expect(callPhase(base({ award }), at('2026-03-06T00:00:00Z'))).toBe('standstill');
    expect(callPhase(base({ award, contract: { signedAt: '2026-03-20T00:00:00Z' } }), at('2026-03-21T00:00:00Z'))).toBe('contracted');
  });

  it('walks a two-stage procedure through selection and tendering', () => {
    const s = base({ procedure: 'innovation-partnership' });
    expect(callPhase(s, at('2026-03-02T00:00:00Z'))).toBe('selection');
    const selection = { decidedAt: '2026-03-03T00:00:00Z', tenderDeadline: '2026-03-20T11:00:00Z' };
    expect(callPhase({ ...s, selection }, at('2026-03-10T00:00:00Z'))).toBe('tendering');
    expect(callPhase({ ...s, selection }, at('2026-03-20T11:00:00Z'))).toBe('evaluation');
  });

  it('concludes a market dialogue at its deadline; drafts and cancelled calls keep their status', () => {
    expect(callPhase(base({ procedure: 'market-dialogue' }), at('2026-03-02T00:00:00Z'))).toBe('concluded');
    expect(callPhase(base({ status: 'draft' }), at('2027-01-01T00:00:00Z'))).toBe('draft');
    expect(callPhase(base({ status: 'cancelled' }), at('2026-01-01T00:00:00Z'))).toBe('cancelled');
  });

  it("only ever yields a phase of the procedure's own stages (or cancelled)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROCEDURES),
        fc.constantFrom('draft', 'open', 'cancelled' as const),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        (procedure, status, selected, awarded, contracted, day) => {
          const s: PhaseState = {
            procedure,
            status,
            deadline: '2026-03-01T00:00:00.000Z',
            ...(selected ? { selection: { decidedAt: '2026-03-02T00:00:00Z', tenderDeadline: '2026-03-15T00:00:00Z' } } : {}),
            ...(awarded ? { award: { decidedAt: '2026-03-20T00:00:00Z', standstillEndsAt: '2026-03-30T00:00:00Z' } } : {}),
            ...(contracted && awarded ? { contract: { signedAt: '2026-04-01T00:00:00Z' } } : {}),
          };
          const phase = callPhase(s, new Date(Date.parse('2026-02-20T00:00:00Z') + day * 86_400_000));
          expect([...stagesOf(procedure), 'cancelled']).toContain(phase);
        },
      ),
    );
  });

  it('says what companies send and when proposal figures may be shown', () => {
    expect(firstAnswerKind('market-dialogue')).toBe('innspill');
    expect(firstAnswerKind('pre-commercial')).toBe('tender');
    expect(firstAnswerKind('competitive-negotiation')).toBe('request');
    expect(['contracted', 'cancelled'].every((p) => proposalFiguresMayBeShown(p as never))).toBe(true);
    expect(['open', 'evaluation', 'standstill', 'selection', 'tendering', 'concluded'].some((p) => proposalFiguresMayBeShown(p as never))).toBe(false);
    // A recorded outcome (partners chosen, or a market dialogue's summary) shows them in any phase after the deadline.
    expect(['concluded', 'evaluation'].every((p) => proposalFiguresMayBeShown(p as never, true))).toBe(true);
  });
});

describe('criteria and the climate rule', () => {
  const price = { id: 'pris', name: 'Pris', kind: 'price' as const, weight: 40 };
  const quality = { id: 'kvalitet', name: 'Kvalitet', kind: 'quality' as const, weight: 30 };
  const climate = { id: 'klima', name: 'Klima og miljø', kind: 'climate' as const, weight: 30 };

  it('accepts weights summing to 100 with climate ≥ 30', () => {
    expect(criteriaProblems('startup-challenge', [price, quality, climate], undefined)).toEqual([]);
  });
  it('refuses a climate weight under 30 unless climate is set as requirements', () => {
    const low = [
      { ...price, weight: 50 },
      { ...quality, weight: 30 },
      { ...climate, weight: 20 },
    ];
    expect(criteriaProblems('pre-commercial', low, undefined).map((p) => p.message)).toContain(CLIMATE_RULE);
    expect(criteriaProblems('pre-commercial', low, { text: 'Kravspesifikasjonen stiller klimakrav til transport.' })).toEqual([]);
  });
  it('refuses sums other than 100, duplicate ids, missing criteria, and any criteria on a market dialogue', () => {
    expect(
      criteriaProblems('startup-challenge', [price, quality], undefined)
        .map((p) => p.message)
        .join(),
    ).toMatch(/sum to 70/);
    expect(
      criteriaProblems('startup-challenge', [price, { ...quality, id: 'pris' }, climate], undefined)
        .map((p) => p.message)
        .join(),
    ).toMatch(/twice/);
    expect(criteriaProblems('innovation-partnership', undefined, undefined)).toHaveLength(1);
    expect(criteriaProblems('market-dialogue', [price, quality, climate], undefined)[0]!.path).toBe('awardCriteria');
    expect(criteriaProblems('market-dialogue', undefined, undefined)).toEqual([]);
  });
});

describe('price formula, weighted scores and ranks', () => {
  it('gives the lowest price 10 and others 10 × lowest / price to two decimals', () => {
    expect(priceScores({ a: 100_000, b: 300_000, c: 150_000 })).toEqual({ a: 10, b: 3.33, c: 6.67 });
    expect(priceScores({ a: 0, b: 5 })).toEqual({ a: 10, b: 0 });
  });

  it('shares ranks on equal totals (1, 1, 3)', () => {
    const ranked = rankEvaluation(
      [{ id: 'q', weight: 100 }],
      [
        { orgNumber: '3', scores: { q: 5 } },
        { orgNumber: '1', scores: { q: 8 } },
        { orgNumber: '2', scores: { q: 8 } },
      ],
    );
    expect(ranked.map((r) => [r.orgNumber, r.total, r.rank])).toEqual([
      ['1', 80, 1],
      ['2', 80, 1],
      ['3', 50, 3],
    ]);
  });

  it('reproduces every number from the scores and weights (property)', () => {
    const weightsArb = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 8 }), fc.integer(), (weights, n, seed) => {
        const criteria = weights.map((w, i) => ({ id: `c${i}`, weight: w }));
        let s = seed;
        const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % 1001) / 100; // 0.00–10.00
        const items = Array.from({ length: n }, (_, i) => ({
          orgNumber: String(900000000 + i),
          scores: Object.fromEntries(criteria.map((c) => [c.id, rnd()])),
        }));
        const ranked = rankEvaluation(criteria, items);
        for (const r of ranked) {
          let total = 0n;
          for (const c of criteria) {
            // weighted in hundredths = round_half_up(weight × score_hundredths / 10), computed independently in BigInt
            const num = BigInt(c.weight) * BigInt(Math.round(r.scores[c.id]! * 100));
            const hundredths = (num * 2n + 10n) / 20n;
            expect(r.weighted[c.id]).toBe(Number(hundredths) / 100);
            expect(r.weighted[c.id]).toBe(weightedScore(c.weight, r.scores[c.id]!));
            total += hundredths;
          }
          expect(r.total).toBe(Number(total) / 100);
          expect(r.total).toBeLessThanOrEqual(weights.reduce((a, b) => a + b, 0));
          expect(r.rank).toBe(1 + ranked.filter((o) => o.total > r.total).length);
        }
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.total).toBeGreaterThanOrEqual(ranked[i]!.total);
      }),
    );
  });

  it('knows when a tender is fully scored, and takes medians', () => {
    const criteria = [
      { id: 'p', kind: 'price' as const },
      { id: 'q', kind: 'quality' as const },
    ];
    expect(isFullyScored(criteria, { q: 3 })).toBe(true);
    expect(isFullyScored(criteria, {})).toBe(false);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('stuck calls', () => {
  it('dates the phase and flags it only past its allowance', async () => {
    const { phaseSince, daysStuck } = await import('../../../../shared/domain/procedure.js');
    const s = base({ procedure: 'competitive-negotiation' });
    expect(phaseSince('selection', s)).toBe(s.deadline);
    expect(daysStuck('selection', s.deadline, at('2026-03-15T11:00:00Z'))).toBeUndefined();
    expect(daysStuck('selection', s.deadline, at('2026-03-16T11:00:00Z'))).toBe(15);
    const award = { decidedAt: '2026-03-05T00:00:00Z', standstillEndsAt: '2026-03-15T00:00:00Z' };
    expect(phaseSince('standstill', { ...s, award })).toBe(award.standstillEndsAt);
    expect(phaseSince('evaluation', { ...s, lastWithdrawnAt: '2026-04-01T00:00:00Z' })).toBe('2026-04-01T00:00:00Z');
    expect(daysStuck('open', s.deadline, at('2027-01-01T00:00:00Z'))).toBeUndefined();
  });
});
