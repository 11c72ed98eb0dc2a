import { describe, expect, it } from 'vitest';
import { durationMs } from '../../../../shared/domain/duration.js';

describe('ISO 8601 durations for the dev clock', () => {
  it.each([
    ['P7D', 7 * 86_400_000],
    ['PT2H30M', 9_000_000],
    ['PT1.5S', 1500],
    ['P2W', 14 * 86_400_000],
    ['P1DT1S', 86_401_000],
    ['P1Y', 365 * 86_400_000],
  ])('reads %s as %d ms', (text, ms) => expect(durationMs(text)).toBe(ms));

  it.each(['', 'P', 'PT', '7D', 'P-1D', 'PT1H2', 'P1DT', 'p1d'])('refuses %j', (text) => expect(durationMs(text)).toBeUndefined());
});
