import { describe, expect, it } from 'vitest';
import { awardLetters, selectionLetters } from '../../../../functions/award/letters.js';
import { answerProblems } from '../../../../functions/award/answers.js';
import type { AwardDecision } from '../../../../functions/data/award.js';
import { storedCall } from '../../../unit/support/api.js';

const call = storedCall({ status: 'open' }) as never;
const item = (orgNumber: string, name: string, total: number, rank: number) => ({
  orgNumber,
  name,
  priceNok: 100_000 * rank,
  scores: { pris: 10 / rank, kvalitet: 5, klima: 5 },
  weighted: { pris: 40 / rank, kvalitet: 15, klima: 15 },
  total,
  rank,
});
const decision: AwardDecision = {
  id: 'D1',
  winners: ['111111111'],
  reasons: 'Høyest sum etter de publiserte kriteriene og vektene, med god klimaprofil.',
  decidedAt: '2030-03-10T10:00:00.000Z',
  decidedBy: 'u',
  standstillDays: 10,
  standstillEndsAt: '2030-03-20T10:00:00.000Z',
  snapshot: {
    criteria: [
      { id: 'pris', name: 'Pris', kind: 'price', weight: 40 },
      { id: 'kvalitet', name: 'Kvalitet', kind: 'quality', weight: 30 },
      { id: 'klima', name: 'Klima', kind: 'climate', weight: 30 },
    ],
    items: [item('111111111', 'Vinner AS', 70, 1), item('222222222', 'Nummer To AS', 50, 2), item('333333333', 'Nummer Tre AS', 43.33, 3)],
  },
};

describe('award letters', () => {
  it("give each tenderer the winner's scores and its own, never another loser's", () => {
    const letters = awardLetters(call, decision);
    expect(letters.map((l) => l.orgNumber)).toEqual(['111111111', '222222222', '333333333']);
    const third = letters[2]!.text;
    expect(third).toContain('Vinner AS');
    expect(third).toContain('70,00 av 100');
    expect(third).toContain('43,33 av 100');
    expect(third).not.toContain('Nummer To AS');
    expect(third).not.toContain('50,00');
    expect(third).toContain('kr ekskl. mva.');
    expect(letters[0]!.text).toContain('tildele kontrakten til dere');
  });

  it('tell requesters whether they were selected, with the reasons', () => {
    const letters = selectionLetters(call, {
      id: 'S1',
      selected: ['111111111'],
      reasons: 'Relevante referanser og kapasitet.',
      tenderDeadline: '2030-04-01T10:00:00.000Z',
      decidedAt: '2030-03-10T10:00:00.000Z',
      decidedBy: 'u',
      requesters: [
        { orgNumber: '111111111', name: 'A AS' },
        { orgNumber: '222222222', name: 'B AS' },
      ],
    });
    expect(letters[0]!.subject).toMatch(/^Valgt ut/);
    expect(letters[1]!.subject).toMatch(/^Ikke valgt ut/);
    expect(letters[1]!.text).toContain('Relevante referanser og kapasitet.');
  });
});

describe('what each procedure accepts', () => {
  const base = { summary: 'Et sammendrag her.', description: 'En beskrivelse her.' };
  const sd = { noExclusionGrounds: true as const, taxAndVatPaid: true as const, hmsCompliant: true as const };
  it('refuses a price on innspill and requests, requires it on tenders', () => {
    expect(answerProblems('innspill', { ...base, priceNok: 1 }, 'market-dialogue').map((p) => p.path)).toEqual(['priceNok']);
    expect(answerProblems('request', { ...base, priceNok: 1, selfDeclaration: sd }, 'innovation-partnership').map((p) => p.path)).toEqual(['priceNok']);
    expect(answerProblems('request', base, 'innovation-partnership').map((p) => p.path)).toEqual(['selfDeclaration']);
    expect(answerProblems('tender', base, 'startup-challenge').map((p) => p.path)).toEqual(['priceNok']);
    expect(
      answerProblems('tender', { ...base, priceNok: 5, confidential: [{ part: 'budget', reason: 'Hemmelig del.' }] }, 'startup-challenge').map((p) => p.path),
    ).toEqual(['confidential.0.part']);
    expect(answerProblems('tender', { ...base, priceNok: 5, confidential: [{ part: 'price', reason: 'Hemmelig del.' }] }, 'pre-commercial')).toEqual([]);
  });
});
