import { describe, expect, it } from 'vitest';
import { awardLetters, cancellationLetters, selectionLetters } from '../../../../functions/award/letters.js';
import type { AwardDecision } from '../../../../functions/data/award.js';
import { storedCall } from '../../../unit/support/api.js';

/** Letters are written in bokmål with the English text beside them; sendLetters sends the one the company's users chose. */
const call = storedCall({ status: 'open' }) as never;
const decision: AwardDecision = {
  id: 'D1',
  winners: ['111111111'],
  reasons: 'Høyest sum.',
  decidedAt: '2030-03-10T10:00:00.000Z',
  decidedBy: 'u',
  standstillDays: 10,
  standstillEndsAt: '2030-03-20T10:00:00.000Z',
  snapshot: {
    criteria: [{ id: 'pris', name: 'Pris', kind: 'price', weight: 100 }],
    items: [
      { orgNumber: '111111111', name: 'Vinner AS', priceNok: 400_000, scores: { pris: 10 }, weighted: { pris: 100 }, total: 100, rank: 1 },
      { orgNumber: '222222222', name: 'Taper AS', priceNok: 800_000, scores: { pris: 5 }, weighted: { pris: 50 }, total: 50, rank: 2 },
    ],
  },
};

describe('letters in English', () => {
  it('say the award decision, amounts without VAT and times in Norwegian time', () => {
    const [, loser] = awardLetters(call, decision);
    expect(loser!.subject).toMatch(/^Tildelingsbeslutning: /);
    expect(loser!.en!.subject).toMatch(/^Award decision: /);
    expect(loser!.en!.text).toContain('Your tender was not successful.');
    expect(loser!.en!.text).toContain('price NOK 800,000 excl. VAT');
    expect(loser!.en!.text).toContain('The standstill period lasts until 20 March 2030 at 11:00 (Norwegian time).');
    expect(loser!.en!.text).not.toMatch(/Tilbud|kommune|Karens|ekskl/);
    expect(loser!.text).toMatch(/pris 800\s000 kr ekskl\. mva\./);
  });

  it('tell requesters of selection in English too', () => {
    const [chosen] = selectionLetters(call, {
      id: 'S1',
      selected: ['111111111'],
      reasons: 'Referanser.',
      tenderDeadline: '2030-04-01T10:00:00.000Z',
      decidedAt: '2030-03-10T10:00:00.000Z',
      decidedBy: 'u',
      requesters: [{ orgNumber: '111111111', name: 'A AS' }],
    });
    expect(chosen!.en!.subject).toMatch(/^Selected: /);
    expect(chosen!.en!.text).toContain('The tender deadline is 1 April 2030 at 12:00 (Norwegian time).');
  });

  it('cancel a market dialogue as one, naming what was sent as innspill', () => {
    const dialogue = { ...(call as object), procedure: 'market-dialogue' } as never;
    const [letter] = cancellationLetters(dialogue, [{ orgNumber: '111111111', name: 'A AS' }], 'Behovet er endret.');
    expect(letter!.subject).toMatch(/^Markedsdialogen er avlyst: /);
    expect(letter!.text).toContain('Innspillet dere sendte, blir ikke evaluert.');
    expect(letter!.en!.subject).toMatch(/^Market dialogue cancelled: /);
    expect(letter!.en!.text).toContain('The input you sent will not be evaluated.');
  });
});
