import { describe, expect, it } from 'vitest';
import { proposalInputSchema } from '../../../../shared/schemas/proposals.js';

const unknownKeys = (result: { error?: { issues: readonly any[] } }) =>
  (result.error?.issues ?? []).filter((i) => i.code === 'unrecognized_keys').flatMap((i) => i.keys as string[]);

const proposal = (overrides: Record<string, unknown> = {}) => ({
  summary: 'Vi leverer sensorer og en app.',
  description: 'Pilot med 40 sensorer i tre måneder.',
  ...overrides,
});

describe('proposalInputSchema (body of PUT /api/calls/{id}/proposals/mine)', () => {
  it('accepts a proposal with or without price and partners', () => {
    expect(proposalInputSchema.safeParse(proposal()).success).toBe(true);
    expect(proposalInputSchema.safeParse(proposal({ priceNok: 0, partners: ['Partner AS'] })).success).toBe(true);
  });

  it.each(['orgNumber', 'callId', 'companyName', 'submittedAt'])('rejects %s, which the server decides', (key) => {
    expect(unknownKeys(proposalInputSchema.safeParse(proposal({ [key]: 'x' })))).toEqual([key]);
  });

  it('rejects a negative or fractional price', () => {
    expect(proposalInputSchema.safeParse(proposal({ priceNok: -1 })).success).toBe(false);
    expect(proposalInputSchema.safeParse(proposal({ priceNok: 1.5 })).success).toBe(false);
  });
});
