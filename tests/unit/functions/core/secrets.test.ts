/**
 * Issue 7, finding 7: separate keys for cursors and e-mail links, read from Secrets Manager once per
 * container in AWS, never from plain environment variables there.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadSecrets, resetSecrets, secretFor } from '../../../../functions/core/secrets.js';
import { openToken, sealToken } from '../../../../functions/core/signed-token.js';

const sm = mockClient(SecretsManagerClient);
const saved = { ...process.env };

beforeEach(() => {
  sm.reset();
  resetSecrets();
  for (const k of ['CURSOR_SECRET', 'LINK_SECRET', 'CURSOR_SECRET_ARN', 'LINK_SECRET_ARN']) delete process.env[k];
});
afterEach(() => {
  process.env = { ...saved };
  resetSecrets();
});

describe('signing keys in AWS', () => {
  it('are read from Secrets Manager once per container, one key per purpose', async () => {
    process.env.CURSOR_SECRET_ARN = 'arn:cursor';
    process.env.LINK_SECRET_ARN = 'arn:link';
    sm.on(GetSecretValueCommand, { SecretId: 'arn:cursor' }).resolves({ SecretString: 'cursor-key' });
    sm.on(GetSecretValueCommand, { SecretId: 'arn:link' }).resolves({ SecretString: 'link-key' });
    expect(() => secretFor('cursor:v1')).toThrow(/not loaded/);
    await Promise.all([loadSecrets(), loadSecrets(), loadSecrets()]);
    await loadSecrets();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    expect(secretFor('cursor:v1')).toBe('cursor-key');
    expect(secretFor('visitor:v1')).toBe('cursor-key');
    expect(secretFor('unsubscribe:v1')).toBe('link-key');
    expect(secretFor('email-confirm:v1')).toBe('link-key');
  });

  it('never lets a token signed with one key pass as the other purpose', async () => {
    process.env.CURSOR_SECRET = 'c';
    process.env.LINK_SECRET = 'l';
    const link = sealToken('unsubscribe:v1', { o: 'x' });
    expect(openToken('unsubscribe:v1', link)).toEqual({ o: 'x' });
    expect(openToken('cursor:v1', link)).toBeUndefined();
    process.env.LINK_SECRET = 'rotated';
    expect(openToken('unsubscribe:v1', link)).toBeUndefined();
  });
});
