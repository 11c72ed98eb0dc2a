import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from '../../../web/src/lib/oslo-time.js';

/** The call form's deadline field means Norwegian time whatever the browser's (here: the process's) zone. */
describe('deadline input in Norwegian time', () => {
  it.each([
    ['2030-03-01T12:00', '2030-03-01T12:00:00+01:00', '2030-03-01T11:00:00.000Z'],
    ['2030-07-01T12:00', '2030-07-01T12:00:00+02:00', '2030-07-01T10:00:00.000Z'],
    ['2030-07-01T12:00:30', '2030-07-01T12:00:30+02:00', '2030-07-01T10:00:30.000Z'],
    ['2030-12-31T23:59', '2030-12-31T23:59:00+01:00', '2030-12-31T22:59:00.000Z'],
    // Clocks go forward 2026-03-29 02:00 → 03:00: 02:30 never happens and means 03:30 summer time.
    ['2026-03-29T02:30', '2026-03-29T03:30:00+02:00', '2026-03-29T01:30:00.000Z'],
    // Clocks go back 2026-10-25 03:00 → 02:00: 02:30 happens twice; the first is meant.
    ['2026-10-25T02:30', '2026-10-25T02:30:00+02:00', '2026-10-25T00:30:00.000Z'],
  ])('%s → %s (%s)', (local, iso, utc) => {
    expect(localInputToIso(local)).toBe(iso);
    expect(new Date(localInputToIso(local)).toISOString()).toBe(utc);
  });

  it.each([
    ['2030-03-01T11:00:00.000Z', '2030-03-01T12:00'],
    ['2030-07-01T10:00:00Z', '2030-07-01T12:00'],
    ['2030-03-01T06:00:00-05:00', '2030-03-01T12:00'],
  ])('shows %s as %s', (iso, local) => {
    expect(isoToLocalInput(iso)).toBe(local);
  });

  it('round-trips every quarter hour of a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000) {
      const iso = new Date(t).toISOString();
      const local = isoToLocalInput(iso);
      const back = Date.parse(localInputToIso(local));
      // The repeated hour in October reads as its first occurrence.
      expect(back === t || back === t - 3_600_000, `${iso} → ${local}`).toBe(true);
    }
  });

  it('leaves empty and unreadable input to the schema', () => {
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('1 March')).toBe('1 March');
    expect(isoToLocalInput('nonsense')).toBe('');
  });
});
