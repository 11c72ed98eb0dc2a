import { describe, expect, it } from 'vitest';
import { answerKindNow } from '../../../../shared/domain/procedure.js';
import { answerWords } from '../../../../shared/domain/answer-words.js';

describe('the noun for what a company sends (docs/glossary.md)', () => {
  it('is innspill in a market dialogue, whatever the phase', () => {
    for (const phase of [undefined, 'open', 'concluded']) expect(answerKindNow('market-dialogue', phase)).toBe('innspill');
  });
  it('is a request to participate in the first stage of the two-stage procedures, a tender after selection', () => {
    for (const p of ['competitive-negotiation', 'innovation-partnership'] as const) {
      expect(answerKindNow(p)).toBe('request');
      expect(answerKindNow(p, 'open')).toBe('request');
      expect(answerKindNow(p, 'selection')).toBe('request');
      for (const phase of ['tendering', 'evaluation', 'standstill', 'contracted']) expect(answerKindNow(p, phase)).toBe('tender');
    }
  });
  it('is a tender otherwise', () => {
    for (const p of ['pre-commercial', 'startup-challenge'] as const) {
      expect(answerKindNow(p)).toBe('tender');
      expect(answerKindNow(p, 'evaluation')).toBe('tender');
    }
  });
  it('has the words in both languages', () => {
    expect(answerWords('innspill', 'nb').deadline).toBe('Frist for innspill');
    expect(answerWords('request', 'nb').a).toBe('en forespørsel om å delta');
    expect(answerWords('tender', 'nb').the).toBe('tilbudet');
    expect(answerWords('innspill', 'en').deadline).toBe('Deadline for input');
    expect(answerWords('request', 'en').many).toBe('requests to participate');
    expect(answerWords('tender', 'en').deadline).toBe('Tender deadline');
  });
});
