import { badRequest } from '../core/errors.js';
import { openToken, sealToken } from '../core/signed-token.js';

/**
 * Opaque pagination cursors (functions/core/signed-token.ts): a client can neither read our keys as a
 * contract nor forge a start key into another partition. Anything altered is a 400.
 */
export function encodeCursor(state: Record<string, unknown>): string {
  return sealToken('cursor:v1', state);
}

export function decodeCursor<T>(cursor: string, scope: string): T {
  const state = openToken('cursor:v1', cursor);
  // A cursor from one listing replayed against another is refused too.
  if (!state || typeof state !== 'object' || (state as { s?: unknown }).s !== scope) throw tampered();
  return state as T;
}

const tampered = () =>
  badRequest('The cursor is not one this API issued for this listing. Start again without it.', [{ path: 'cursor', message: 'Invalid or tampered cursor' }]);
