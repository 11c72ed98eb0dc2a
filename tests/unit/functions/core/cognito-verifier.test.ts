/**
 * The real Cognito verifier (aws-jwt-verify), as the AWS functions use it on 'optional' routes, checked
 * against a key set made here: no network, but the same signature, issuer, audience and token-use checks.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createApi } from '../../../../functions/http/api.js';
import { cognitoVerifier } from '../../../../functions/core/cognito-verifier.js';
import { resetConfig } from '../../../../functions/core/config.js';
import { apiEvent, invoke, setTestEnv } from '../../support/api.js';

const POOL = 'eu-north-1_TestPool1';
const CLIENT = 'testclient123';
const ISSUER = `https://cognito-idp.eu-north-1.amazonaws.com/${POOL}`;
const ddb = mockClient(DynamoDBDocumentClient);

let privateKey: CryptoKey;
let otherKey: CryptoKey;
let jwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey as CryptoKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  otherKey = (await generateKeyPair('RS256')).privateKey as CryptoKey;
});

beforeEach(() => {
  ddb.reset();
  setTestEnv();
  process.env.COGNITO_USER_POOL_ID = POOL;
  process.env.COGNITO_CLIENT_ID = CLIENT;
  resetConfig();
});
afterEach(() => {
  delete process.env.COGNITO_USER_POOL_ID;
  delete process.env.COGNITO_CLIENT_ID;
  vi.restoreAllMocks();
});

function idToken(overrides: { iss?: string; aud?: string; use?: string; key?: CryptoKey; exp?: string } = {}) {
  return new SignJWT({ token_use: overrides.use ?? 'id', 'custom:org_id': '3105', 'custom:role': 'municipality', name: 'Kari' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('cognito-user-1')
    .setIssuer(overrides.iss ?? ISSUER)
    .setAudience(overrides.aud ?? CLIENT)
    .setIssuedAt()
    .setExpirationTime(overrides.exp ?? '1h')
    .sign(overrides.key ?? privateKey);
}

function api() {
  const verifyBearer = cognitoVerifier({ jwks: { keys: [jwk as never] } });
  expect(verifyBearer).toBeDefined();
  return createApi({ listCalls: async ({ principal }) => ({ body: { principal: principal ?? null } }) }, { verifyBearer });
}

describe('the Cognito verifier on an optional-audience route', () => {
  it('reads the caller from a valid Cognito ID token', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    const res = await invoke(api(), apiEvent('GET', '/api/calls', { headers: { authorization: `Bearer ${await idToken()}` } }));
    expect(res.status).toBe(200);
    expect(res.body.principal).toMatchObject({ userId: 'cognito-user-1', orgId: '3105', role: 'municipality', name: 'Kari' });
  });

  it.each([
    ['another pool', { iss: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Other' }],
    ['another app client', { aud: 'someone-else' }],
    ['an access token', { use: 'access' }],
    ['a key not in the pool', { key: undefined as unknown as CryptoKey, other: true }],
    ['an expired token', { exp: '-1m' }],
  ])('refuses a token from %s with 401 instead of treating the caller as anonymous', async (_what, o) => {
    const opts = 'other' in o ? { key: otherKey } : o;
    const res = await invoke(api(), apiEvent('GET', '/api/calls', { headers: { authorization: `Bearer ${await idToken(opts as never)}` } }));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('is absent where no pool is configured (locally the dev-token verifier takes its place)', () => {
    delete process.env.COGNITO_USER_POOL_ID;
    resetConfig();
    expect(cognitoVerifier()).toBeUndefined();
  });
});
