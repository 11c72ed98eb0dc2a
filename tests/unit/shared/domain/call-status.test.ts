import { describe, expect, it } from 'vitest';
import { effectiveStatus, proposalsAreSealed } from '../../../../shared/domain/call-status.js';

const DEADLINE = '2030-03-01T12:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('effectiveStatus', () => {
  it('reads an open call as open before its deadline', () => {
    expect(effectiveStatus('open', DEADLINE, at('2030-03-01T11:59:59.999Z'))).toBe('open');
  });

  it('reads an open call as closed exactly at its deadline', () => {
    expect(effectiveStatus('open', DEADLINE, at(DEADLINE))).toBe('closed');
  });

  it('reads an open call as closed after its deadline', () => {
    expect(effectiveStatus('open', DEADLINE, at('2030-03-02T00:00:00Z'))).toBe('closed');
  });

  it('compares instants, not strings, when the deadline has a zone offset', () => {
    // 13:00+01:00 is 12:00Z.
    expect(effectiveStatus('open', '2030-03-01T13:00:00+01:00', at('2030-03-01T11:59:59Z'))).toBe('open');
    expect(effectiveStatus('open', '2030-03-01T13:00:00+01:00', at('2030-03-01T12:00:00Z'))).toBe('closed');
  });

  it.each(['draft', 'cancelled'] as const)('leaves a %s call as it is, deadline passed or not', (stored) => {
    expect(effectiveStatus(stored, DEADLINE, at('2029-01-01T00:00:00Z'))).toBe(stored);
    expect(effectiveStatus(stored, DEADLINE, at('2031-01-01T00:00:00Z'))).toBe(stored);
  });
});

describe('proposalsAreSealed', () => {
  it('seals proposals until the deadline', () => {
    expect(proposalsAreSealed(DEADLINE, at('2030-03-01T11:59:59.999Z'))).toBe(true);
  });

  it('unseals them at the very instant the call closes', () => {
    expect(proposalsAreSealed(DEADLINE, at(DEADLINE))).toBe(false);
    expect(effectiveStatus('open', DEADLINE, at(DEADLINE))).toBe('closed');
  });

  it('keeps them unsealed after the deadline', () => {
    expect(proposalsAreSealed(DEADLINE, at('2030-04-01T00:00:00Z'))).toBe(false);
  });
});
