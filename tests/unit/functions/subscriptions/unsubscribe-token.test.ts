import { beforeEach, describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from '../../../../functions/subscriptions/unsubscribe-token.js';
import { encodeCursor } from '../../../../functions/data/cursor.js';
import { resetConfig } from '../../../../functions/core/config.js';
import { setTestEnv } from '../../support/api.js';

beforeEach(() => setTestEnv());

const expect400 = (fn: () => unknown) => {
  try {
    fn();
  } catch (e: any) {
    expect(e.statusCode).toBe(400);
    expect(e.errors).toEqual([{ path: 'token', message: 'Invalid or tampered token' }]);
    return;
  }
  throw new Error('expected a 400');
};

describe('unsubscribe tokens', () => {
  const target = { orgId: '998877665', subscriptionId: '01JSUB' };

  it('round-trip the organisation and subscription', () => {
    const token = unsubscribeToken(target);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(readUnsubscribeToken(token)).toEqual(target);
  });

  it('refuse any change to the payload or the signature', () => {
    const [payload, mac] = unsubscribeToken(target).split('.');
    const other = Buffer.from(JSON.stringify({ o: '111111111', s: '01JSUB' })).toString('base64url');
    expect400(() => readUnsubscribeToken(`${other}.${mac}`));
    expect400(() => readUnsubscribeToken(`${payload}.${mac!.slice(1)}`));
    expect400(() => readUnsubscribeToken(`${payload}`));
    expect400(() => readUnsubscribeToken(`${payload}.${mac}.x`));
  });

  it('refuse a pagination cursor: same key, another purpose', () => {
    expect400(() => readUnsubscribeToken(encodeCursor({ o: target.orgId, s: target.subscriptionId })));
  });

  it('stop verifying when the key changes', () => {
    const token = unsubscribeToken(target);
    process.env.CURSOR_SECRET = 'another-secret';
    resetConfig();
    expect400(() => readUnsubscribeToken(token));
  });
});
