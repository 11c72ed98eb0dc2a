/**
 * The Middy stack every entry point shares (createApi): routing, authentication, roles, body checks,
 * validation and problem+json errors, driven with API Gateway HTTP API 2.0 events.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as callsHandler } from '../../../../functions/http/entries/calls.js';
import { handler as proposalsHandler } from '../../../../functions/http/entries/proposals.js';
import { handler as organisationsHandler } from '../../../../functions/http/entries/organisations.js';
import { createApi } from '../../../../functions/http/api.js';
import { logger } from '../../../../functions/core/logger.js';
import { apiEvent, callBody, CALL_ID, companyUser, freezeClock, invoke, sarpsborgUser, setTestEnv, storedCall } from '../../support/api.js';

const ddb = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  ddb.reset();
  setTestEnv();
  freezeClock('2030-01-15T10:00:00Z');
  vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  vi.spyOn(logger, 'info').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const isProblem = (res: { headers: Record<string, string> }) => expect(res.headers['content-type']).toBe('application/problem+json');

describe('routing', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    const res = await invoke(callsHandler, apiEvent('GET', '/api/nothing-here'));
    expect(res.status).toBe(404);
    isProblem(res);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', detail: 'There is no route GET /api/nothing-here.' });
  });

  it('answers a route of another group with 404, as its own Lambda would not serve it', async () => {
    const res = await invoke(callsHandler, apiEvent('GET', '/api/me/proposals', { claims: companyUser }));
    expect(res.status).toBe(404);
  });

  it('answers a known path with the wrong method with 405 and an Allow header', async () => {
    const res = await invoke(callsHandler, apiEvent('DELETE', '/api/calls'));
    expect(res.status).toBe(405);
    isProblem(res);
    expect(res.headers.allow).toBe('GET, POST');
    expect(res.body.detail).toContain('use GET, POST');
  });

  it('lists every method of a parameterised path in Allow', async () => {
    const res = await invoke(callsHandler, apiEvent('PUT', `/api/calls/${CALL_ID}`, { claims: sarpsborgUser }));
    expect(res.status).toBe(405);
    expect(res.headers.allow?.split(', ').sort()).toEqual(['DELETE', 'GET', 'PATCH']);
  });

  it('serves a public route without any claims', async () => {
    const res = await invoke(organisationsHandler, apiEvent('GET', '/api/municipalities'));
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(12);
  });

  it('adds security headers to successful and failed responses', async () => {
    const ok = await invoke(organisationsHandler, apiEvent('GET', '/api/municipalities'));
    const failed = await invoke(callsHandler, apiEvent('GET', '/api/nothing-here'));
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(failed.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('authentication and roles', () => {
  it('answers a user route without claims with 401 and WWW-Authenticate: Bearer', async () => {
    const res = await invoke(callsHandler, apiEvent('POST', '/api/calls', { body: callBody() }));
    expect(res.status).toBe(401);
    isProblem(res);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(ddb.calls()).toHaveLength(0);
  });

  it('checks authentication before it looks at the body', async () => {
    const res = await invoke(callsHandler, apiEvent('POST', '/api/calls', { rawBody: '{not json', headers: { 'content-type': 'application/json' } }));
    expect(res.status).toBe(401);
  });

  it('answers 401 when the claims lack an organisation or role', async () => {
    const res = await invoke(proposalsHandler, apiEvent('GET', `/api/calls/${CALL_ID}/proposals`, { claims: { sub: 'someone' } }));
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/does not name a user, organisation and role/);
  });

  it('answers 401 when the role claim is not a known role', async () => {
    const claims = { ...sarpsborgUser, 'custom:role': 'admin' };
    const res = await invoke(callsHandler, apiEvent('POST', '/api/calls', { claims, body: callBody() }));
    expect(res.status).toBe(401);
  });

  it('answers 403 when the role may not use the route', async () => {
    const res = await invoke(callsHandler, apiEvent('POST', '/api/calls', { claims: companyUser, body: callBody() }));
    expect(res.status).toBe(403);
    isProblem(res);
    expect(res.body.detail).toBe('This endpoint is for municipality users; you are signed in as company.');
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 403 to a municipality on a company-only route', async () => {
    const res = await invoke(proposalsHandler, apiEvent('PUT', `/api/calls/${CALL_ID}/proposals/mine`, { claims: sarpsborgUser, body: {} }));
    expect(res.status).toBe(403);
  });
});

describe('optional audience (bearer verified by the Lambda itself)', () => {
  const echoPrincipal = (verifyBearer: (token: string) => Promise<Record<string, string>>) =>
    createApi({ getCall: async ({ principal }) => ({ body: { principal: principal ?? null } }) }, { verifyBearer });

  it('reads the caller from a bearer token the verifier accepts', async () => {
    const verify = vi.fn(async () => sarpsborgUser);
    const res = await invoke(echoPrincipal(verify), apiEvent('GET', `/api/calls/${CALL_ID}`, { headers: { authorization: 'Bearer good.token.here' } }));
    expect(res.status).toBe(200);
    expect(verify).toHaveBeenCalledWith('good.token.here');
    expect(res.body.principal).toEqual({ userId: 'user-sarpsborg', name: 'Kari Nordmann', orgId: '3105', role: 'municipality' });
  });

  it('serves an anonymous caller without asking the verifier', async () => {
    const verify = vi.fn(async () => sarpsborgUser);
    const res = await invoke(echoPrincipal(verify), apiEvent('GET', `/api/calls/${CALL_ID}`));
    expect(res.status).toBe(200);
    expect(res.body.principal).toBeNull();
    expect(verify).not.toHaveBeenCalled();
  });

  it('refuses a token the verifier rejects instead of serving it anonymously', async () => {
    const res = await invoke(
      echoPrincipal(async () => {
        throw new Error('expired');
      }),
      apiEvent('GET', `/api/calls/${CALL_ID}`, { headers: { authorization: 'Bearer expired.token.x' } }),
    );
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe('The bearer token is invalid or has expired. Sign in again.');
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await invoke(
      echoPrincipal(async () => sarpsborgUser),
      apiEvent('GET', `/api/calls/${CALL_ID}`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
    );
    expect(res.status).toBe(401);
  });
});

describe('request body', () => {
  const post = (opts: Parameters<typeof apiEvent>[2]) => invoke(callsHandler, apiEvent('POST', '/api/calls', { claims: sarpsborgUser, ...opts }));

  it('answers a non-JSON content type with 415', async () => {
    const res = await post({ rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    isProblem(res);
    expect(res.body.detail).toContain('application/x-www-form-urlencoded');
  });

  it('answers a body without any content type with 415', async () => {
    const res = await post({ rawBody: JSON.stringify(callBody()) });
    expect(res.status).toBe(415);
  });

  it('accepts a +json media type with parameters', async () => {
    ddb.on(PutCommand).resolves({});
    const res = await post({ rawBody: JSON.stringify(callBody()), headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' } });
    expect(res.status).toBe(201);
  });

  it('reads the content type whatever case the client sent the header in', async () => {
    ddb.on(PutCommand).resolves({});
    const res = await post({ rawBody: JSON.stringify(callBody()), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(201);
  });

  it('answers malformed JSON with 400, not 415', async () => {
    const res = await post({ rawBody: '{"title": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    isProblem(res);
    expect(res.body.type).toBe('urn:innovasjonstorget:problem:bad-request');
    expect(res.body.detail).toMatch(/^The body is not valid JSON/);
  });

  it('answers a missing body with 400 on a route that needs one', async () => {
    const res = await post({});
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('This endpoint needs a JSON request body.');
  });

  it('answers a body over 256 KiB with 413 before reading it', async () => {
    const big = JSON.stringify(callBody({ description: 'x'.repeat(256 * 1024) }));
    const res = await post({ rawBody: big, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    isProblem(res);
    expect(res.body.title).toBe('Content Too Large');
    // Even an unparseable or wrongly typed oversized body is refused for its size first.
    expect((await post({ rawBody: '{'.repeat(256 * 1024 + 1), headers: { 'content-type': 'text/plain' } })).status).toBe(413);
  });

  it('accepts a body of exactly 256 KiB as far as size goes', async () => {
    const body = JSON.stringify(callBody());
    const padded = body + ' '.repeat(256 * 1024 - Buffer.byteLength(body));
    expect(Buffer.byteLength(padded)).toBe(256 * 1024);
    ddb.on(PutCommand).resolves({});
    const res = await post({ rawBody: padded, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
  });

  it('counts bytes, not characters, against the limit', async () => {
    // 'ø' is two bytes in UTF-8: 140,000 of them exceed 256 KiB though the string is shorter.
    const body = JSON.stringify(callBody({ description: 'ø'.repeat(140_000) }));
    expect(body.length).toBeLessThan(256 * 1024);
    const res = await post({ rawBody: body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
  });

  it('decodes a base64-encoded JSON body', async () => {
    ddb.on(PutCommand).resolves({});
    const event = apiEvent('POST', '/api/calls', {
      claims: sarpsborgUser,
      rawBody: Buffer.from(JSON.stringify(callBody())).toString('base64'),
      headers: { 'content-type': 'application/json' },
    });
    const res = await invoke(callsHandler, { ...event, isBase64Encoded: true });
    expect(res.status).toBe(201);
  });

  it('answers 400 when a body is sent to a route that takes none', async () => {
    const res = await invoke(callsHandler, apiEvent('POST', `/api/calls/${CALL_ID}/publish`, { claims: sarpsborgUser, body: { status: 'open' } }));
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('This endpoint takes no request body.');
  });
});

describe('input validation', () => {
  it('answers an unknown property with 400 and names it in errors[]', async () => {
    const res = await invoke(callsHandler, apiEvent('POST', '/api/calls', { claims: sarpsborgUser, body: callBody({ municipalityCode: '3101' }) }));
    expect(res.status).toBe(400);
    isProblem(res);
    expect(res.body.errors).toEqual([{ path: 'municipalityCode', message: 'Unknown property "municipalityCode" is not allowed' }]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('names each field error with its path and an English message', async () => {
    const res = await invoke(
      callsHandler,
      apiEvent('POST', '/api/calls', {
        claims: sarpsborgUser,
        body: callBody({ budgetNok: { min: 10, max: 5 }, deadline: '2030-03-01T12:00:00' }),
      }),
    );
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['budgetNok.max', 'deadline']);
    expect(res.body.errors.find((e: { path: string }) => e.path === 'budgetNok.max').message).toBe('min must not exceed max');
    for (const e of res.body.errors) expect(e.message).not.toBe('Invalid input');
  });

  it('answers an invalid query string with 400', async () => {
    const res = await invoke(callsHandler, apiEvent('GET', '/api/calls', { query: { limit: '1000' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('limit');
  });

  it('answers an invalid path parameter on a GET with 404', async () => {
    const res = await invoke(organisationsHandler, apiEvent('GET', '/api/companies/974760674'));
    expect(res.status).toBe(404);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('unexpected failures', () => {
  it('answers a DynamoDB failure with a generic 500 problem and logs the real error', async () => {
    const secret = 'User: arn:aws:sts::123456789012:assumed-role/x is not authorized on table test-table';
    ddb.on(GetCommand).rejects(new Error(secret));
    const res = await invoke(callsHandler, apiEvent('GET', `/api/calls/${CALL_ID}`));
    expect(res.status).toBe(500);
    isProblem(res);
    expect(res.body).toEqual({
      type: 'urn:innovasjonstorget:problem:internal',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side. Nothing was changed by a failed write; please try again.',
    });
    const raw = JSON.stringify(res);
    expect(raw).not.toContain('arn:aws');
    expect(raw).not.toContain('test-table');
    expect(logger.error).toHaveBeenCalledWith('unhandled error', expect.objectContaining({ error: expect.objectContaining({ message: secret }) }));
  });

  it('hides the message of a thrown 5xx HTTP error too', async () => {
    const api = createApi(
      {
        getCall: async () => {
          throw Object.assign(new Error('db password is hunter2'), { statusCode: 503, expose: true });
        },
      },
      { verifyBearer: unusedVerifier },
    );
    const res = await invoke(api, apiEvent('GET', `/api/calls/${CALL_ID}`));
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('answers a thrown non-Error value with 500', async () => {
    const api = createApi(
      {
        getCall: async () => {
          throw 'boom';
        },
      },
      { verifyBearer: unusedVerifier },
    );
    const res = await invoke(api, apiEvent('GET', `/api/calls/${CALL_ID}`));
    expect(res.status).toBe(500);
    isProblem(res);
  });

  it('refuses to build a function whose optional-audience routes have no verifier', () => {
    expect(() => createApi({ getCall: async () => ({ body: {} }) })).toThrow(/getCall.*verifyBearer/);
    expect(() => createApi({ createCall: async () => ({ body: {} }) })).not.toThrow();
  });

  it('serves a stored call back when DynamoDB works (the same route as above)', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ status: 'open' }) });
    const res = await invoke(callsHandler, apiEvent('GET', `/api/calls/${CALL_ID}`));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({ id: CALL_ID, status: 'open', municipalityName: 'Sarpsborg' });
    expect(res.body).not.toHaveProperty('createdBy');
    expect(res.body).not.toHaveProperty('pk');
    expect(res.body).not.toHaveProperty('searchText');
  });
});

/** For tests whose requests carry no token: a verifier that must never be asked. */
async function unusedVerifier(): Promise<never> {
  throw new Error('no token was sent, so nothing should be verified');
}
