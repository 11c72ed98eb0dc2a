import { entity } from './entity.js';
import { keys } from './keys.js';

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type Claim = { state: 'claimed' } | { state: 'done'; requestHash: string; answer: StoredAnswer } | { state: 'in-progress'; requestHash: string };

interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  claimedAt: string;
  /** Epoch seconds: the claim's end (and the item's TTL in AWS). */
  expiresAt: number;
  answer?: StoredAnswer;
}

export const idempotencyClaims = entity<IdempotencyRecord, Pick<IdempotencyRecord, 'scope' | 'key'>>({
  type: 'idempotency',
  description: 'The answer to a create sent with an Idempotency-Key (scoped to the route and the organisation)',
  key: (k) => keys.idempotency(k.scope, k.key),
  patterns: [{ name: 'create with Idempotency-Key', index: 'table', partition: 'IDEMP#<route>#<orgId>', sort: 'KEY#<key>' }],
});

/**
 * One conditional Put claims an Idempotency-Key for `ttlMs`; the answer is stored on the same item when the
 * work is done. A stale claim (its work crashed) can be taken over once `staleMs` have passed.
 */
export async function claimKey(scope: string, key: string, requestHash: string, at: Date, ttlMs: number, staleMs: number): Promise<Claim> {
  const claimed = await idempotencyClaims.putIfAbsent(
    { scope, key, requestHash, claimedAt: at.toISOString(), expiresAt: Math.floor((at.getTime() + ttlMs) / 1000) },
    {
      condition: 'expiresAt < :now OR (attribute_not_exists(answer) AND claimedAt < :stale)',
      values: { ':now': Math.floor(at.getTime() / 1000), ':stale': new Date(at.getTime() - staleMs).toISOString() },
    },
  );
  if (claimed) return { state: 'claimed' };
  const found = await idempotencyClaims.get({ scope, key }, { consistent: true });
  return found?.answer
    ? { state: 'done', requestHash: String(found.requestHash), answer: found.answer }
    : { state: 'in-progress', requestHash: String(found?.requestHash) };
}

export async function storeAnswer(scope: string, key: string, answer: StoredAnswer): Promise<void> {
  await idempotencyClaims.updateIf({ scope, key }, { set: { answer }, upsert: true });
}

export async function dropClaim(scope: string, key: string): Promise<void> {
  await idempotencyClaims.updateIf({ scope, key }, { set: { expiresAt: 0 }, upsert: true });
}
