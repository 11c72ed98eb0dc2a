import type { DevClockInput } from '../../shared/schemas/dev.js';
import { durationMs } from '../../shared/domain/duration.js';
import { advanceClock, now, setClock } from '../core/clock.js';
import { invalidatePublishedSnapshot } from '../data/published-snapshot.js';

export const readDevClock = () => ({ now: now().toISOString() });

/** Local only: moves the server's notion of now (forward by a duration, or to an instant). */
export function moveDevClock(input: DevClockInput): { now: string } {
  if ('advance' in input) advanceClock(durationMs(input.advance)!);
  else setClock(new Date(input.set));
  // Cached lists were computed for the old now.
  invalidatePublishedSnapshot();
  return readDevClock();
}
