import { conflict } from '../core/errors.js';
import { queryMunicipalityCalls } from '../data/calls.js';
import { releaseSlot, reserveSlot } from '../data/counters.js';
import type { Key } from '../data/paging.js';

/** Open drafts a municipality may hold at once (create and reuse take a slot; publish and cancel free it). */
export const MAX_OPEN_DRAFTS = 200;

async function countDrafts(code: string): Promise<number> {
  let n = 0;
  let start: Key | undefined;
  do {
    const page = await queryMunicipalityCalls(code, { status: 'draft' }, 500, start);
    n += page.items.length;
    start = page.lastKey;
  } while (start);
  return n;
}

/** Takes a draft slot or throws 409 draft-limit. */
export async function takeDraftSlot(code: string): Promise<void> {
  if (!(await reserveSlot(code, 'drafts', MAX_OPEN_DRAFTS, () => countDrafts(code)))) {
    throw conflict(`A municipality can hold at most ${MAX_OPEN_DRAFTS} open drafts; publish or cancel one first.`, 'draft-limit');
  }
}

export const freeDraftSlot = (code: string) => releaseSlot(code, 'drafts');

/** Runs `write` with a draft slot held; gives the slot back if the write fails. */
export async function withDraftSlot<T>(code: string, write: () => Promise<T>): Promise<T> {
  await takeDraftSlot(code);
  try {
    return await write();
  } catch (e) {
    await freeDraftSlot(code);
    throw e;
  }
}
