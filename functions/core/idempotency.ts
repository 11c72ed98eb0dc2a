import { createHash } from 'node:crypto';
import { badRequest, problem } from './errors.js';
import { now } from './clock.js';
import type { Principal } from './principal.js';
import { claimKey, dropClaim, storeAnswer, type StoredAnswer } from '../data/idempotency.js';

const TTL_MS = 24 * 3_600_000;
const STALE_MS = 60_000;

/**
 * Creates without a natural key (a call, a saved search) accept an `Idempotency-Key` header: the first
 * request with a key does the work and its answer is stored for 24 h; a retry with the same key and body
 * gets that answer again (with `Idempotent-Replayed: true`); the same key with another body is a 422; a
 * retry while the first is still running is a 409. Without the header, every request is a new create.
 */
export async function idempotent(
  route: string,
  principal: Principal,
  headers: Record<string, string | undefined>,
  body: unknown,
  work: () => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const key = headers['idempotency-key'];
  if (key === undefined) return work();
  if (!/^[\w.:-]{8,100}$/.test(key)) {
    throw badRequest('Idempotency-Key must be 8–100 letters, digits, or . _ : - (a UUID is ideal).', [{ path: 'Idempotency-Key', message: 'Not a valid key' }]);
  }
  const scope = `${route}#${principal.orgId}`;
  const requestHash = createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('base64url');
  const claim = await claimKey(scope, key, requestHash, now(), TTL_MS, STALE_MS);
  if (claim.state !== 'claimed') {
    if (claim.requestHash !== requestHash) {
      throw problem(422, 'This Idempotency-Key was used with a different request body; use a new key for a new request.', { type: 'idempotency-key-reused' });
    }
    if (claim.state === 'in-progress') {
      throw problem(409, 'A request with this Idempotency-Key is still being processed; retry in a moment.', {
        type: 'idempotency-in-progress',
        headers: { 'retry-after': '1' },
      });
    }
    return { ...claim.answer, headers: { ...claim.answer.headers, 'idempotent-replayed': 'true' } };
  }
  let answer: StoredAnswer;
  try {
    answer = await work();
  } catch (e) {
    // A refused request (4xx) or a failure stores nothing: the client may retry with the same key.
    await dropClaim(scope, key);
    throw e;
  }
  await storeAnswer(scope, key, answer);
  return answer;
}
