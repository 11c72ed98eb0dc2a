import { beforeEach, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../../functions/data/cursor.js';
import { resetConfig } from '../../../../functions/core/config.js';
import { setTestEnv } from '../../support/api.js';

beforeEach(() => setTestEnv());

const state = {
  s: 'calls',
  phase: 'open',
  key: { pk: 'CALL#01J', sk: 'CALL', gsi1pk: 'CALLS#PUBLISHED', gsi1sk: '2030-03-01T11:00:00.000Z#01J' },
  at: '2030-01-15T10:00:00.000Z',
};

/** Replaces the character at i with a different base64url character. */
const flipAt = (text: string, i: number) => text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);

/** Runs fn and returns what it threw. */
function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const expectTampered = (fn: () => unknown) => {
  const err = thrown(fn);
  expect(err.statusCode).toBe(400);
  expect(err.expose).toBe(true);
  expect(err.errors).toEqual([{ path: 'cursor', message: 'Invalid or tampered cursor' }]);
};

describe('encodeCursor / decodeCursor', () => {
  it('roundtrips the state it was given', () => {
    expect(decodeCursor(encodeCursor(state), 'calls')).toEqual(state);
  });

  it('is opaque: base64url payload and MAC, no key visible in plain text', () => {
    const cursor = encodeCursor(state);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('CALL#');
  });

  it('refuses a cursor with a character changed in its payload', () => {
    const cursor = encodeCursor(state);
    expectTampered(() => decodeCursor(flipAt(cursor, 5), 'calls'));
  });

  it('refuses a cursor with a character changed in its MAC', () => {
    const cursor = encodeCursor(state);
    expectTampered(() => decodeCursor(flipAt(cursor, cursor.length - 3), 'calls'));
  });

  it('refuses a payload re-encoded with another key but the old MAC', () => {
    const [, mac] = encodeCursor(state).split('.');
    const forged = Buffer.from(JSON.stringify({ ...state, key: { pk: 'CALL#someone-elses', sk: 'CALL' } })).toString('base64url');
    expectTampered(() => decodeCursor(`${forged}.${mac}`, 'calls'));
  });

  it('refuses a genuine cursor replayed against another listing (scope swap)', () => {
    const cursor = encodeCursor({ s: 'proposals:mine', key: { pk: 'x', sk: 'y' } });
    expectTampered(() => decodeCursor(cursor, 'calls'));
    expectTampered(() => decodeCursor(encodeCursor(state), 'calls:mine'));
  });

  it('refuses a cursor signed with another secret', () => {
    const cursor = encodeCursor(state);
    process.env.CURSOR_SECRET = 'another-secret';
    resetConfig();
    expectTampered(() => decodeCursor(cursor, 'calls'));
  });

  it.each([
    ['no separator', 'abc'],
    ['an empty MAC', 'abc.'],
    ['an empty payload', '.abc'],
    ['nothing', ''],
  ])('refuses a cursor with %s', (_what, cursor) => {
    expectTampered(() => decodeCursor(cursor, 'calls'));
  });

  it('refuses a correctly signed payload that is not an object', () => {
    // Signed with the real secret, so only the shape check can refuse it.
    expectTampered(() => decodeCursor(encodeCursor(['calls'] as unknown as Record<string, unknown>), 'calls'));
  });

  it('needs CURSOR_SECRET to sign anything', () => {
    delete process.env.CURSOR_SECRET;
    resetConfig();
    expect(() => encodeCursor(state)).toThrow('CURSOR_SECRET is not set');
  });
});
