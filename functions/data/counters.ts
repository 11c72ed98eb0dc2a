import { entity } from './entity.js';
import { keys } from './keys.js';

/**
 * Caps that hold under concurrency: a counter item per (owner, kind) moved by conditional UpdateItems,
 * never "count, then write". A slot is reserved before the item it counts is written and released when
 * that write fails or the item goes away, so a crash in between can only leave the counter high (the cap
 * errs on the safe side), never low.
 */
export type CounterKind = 'subscriptions' | 'drafts';

interface CounterRecord {
  owner: string;
  kind: CounterKind;
  n: number;
}

export const counters = entity<CounterRecord, Pick<CounterRecord, 'owner' | 'kind'>>({
  type: 'counter',
  description: 'A cap counter: saved searches per organisation, open drafts per municipality (`n`)',
  key: (c) => keys.counter(c.owner, c.kind),
  patterns: [{ name: 'take / free a cap slot', index: 'table', partition: 'ORG#<orgId>', sort: 'COUNT#<kind>' }],
});

/** Takes one slot if fewer than `limit` are taken. False when the cap is reached. */
export async function reserveSlot(owner: string, kind: CounterKind, limit: number, countNow: () => Promise<number>): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const taken = await counters.updateIf({ owner, kind }, { add: { n: 1 }, condition: 'n < :limit', values: { ':limit': limit } });
    if (taken) return true;
    // Created from the real count the first time it is needed (items that predate counters).
    if (attempt === 0) await counters.putIfAbsent({ owner, kind, n: await countNow() });
  }
  return false;
}

/** Gives a slot back (never below zero). */
export async function releaseSlot(owner: string, kind: CounterKind): Promise<void> {
  await counters.updateIf({ owner, kind }, { add: { n: -1 }, condition: 'n > :zero', values: { ':zero': 0 } });
}
