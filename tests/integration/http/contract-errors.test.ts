import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, callBody } from '../../support/local-stack.js';
import { users } from '../../support/demo-users.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
let fredrikstad: string;

beforeAll(async () => {
  stack = await startTestStack();
  fredrikstad = await stack.client.login(users.fredrikstad);
});
afterAll(() => stack?.close());

const expectProblem = (res: { status: number; headers: Headers; body: any }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
};

describe('every error is an RFC 9457 problem', () => {
  it('answers an unknown route with 404', async () => {
    expectProblem(await stack.client.call('GET', '/api/nothing-here'), 404);
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await stack.client.call('DELETE', '/api/calls');
    expectProblem(res, 405);
    expect(res.headers.get('allow')).toContain('GET');
    expect(res.headers.get('allow')).toContain('POST');
  });

  it('answers a protected route without a token with 401', async () => {
    expectProblem(await stack.client.call('GET', '/api/me'), 401);
  });

  it('answers a forged token with 401', async () => {
    const forged = fredrikstad.slice(0, -4) + (fredrikstad.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expectProblem(await stack.client.call('GET', '/api/me', { token: forged }), 401);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await stack.client.call('POST', '/api/calls', {
      token: fredrikstad,
      rawBody: '{"title": ',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/not valid JSON/);
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await stack.client.call('POST', '/api/calls', {
      token: fredrikstad,
      rawBody: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415);
  });

  it('answers a body over 256 KiB with 413 and writes nothing', async () => {
    const res = await stack.client.call('POST', '/api/calls', {
      token: fredrikstad,
      body: callBody({ description: 'x'.repeat(300 * 1024) }),
    });
    expectProblem(res, 413);
    const mine = await stack.client.call('GET', '/api/calls?mine=true&limit=100', { token: fredrikstad });
    expect(mine.body.items.some((c: any) => c.description.length > 200_000)).toBe(false);
  });

  it('names every unknown property, which is what stops mass assignment', async () => {
    const res = await stack.client.call('POST', '/api/calls', {
      token: fredrikstad,
      body: { ...callBody(), municipalityCode: '3101', status: 'open' },
    });
    expectProblem(res, 400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'municipalityCode', message: expect.stringContaining('Unknown property') },
        { path: 'status', message: expect.stringContaining('Unknown property') },
      ]),
    );
  });

  it('points validation errors at the field, e.g. budgetNok.max', async () => {
    const res = await stack.client.call('POST', '/api/calls', {
      token: fredrikstad,
      body: callBody({ budgetNok: { min: 10, max: 5 } }),
    });
    expectProblem(res, 400);
    expect(res.body.errors).toContainEqual({ path: 'budgetNok.max', message: expect.any(String) });
  });

  it('rejects hostile input shapes without a 5xx', async () => {
    const bodies = ['[]', 'null', '"x"', '123', '{"__proto__": {"admin": true}}', '{"title": {"$gt": ""}}'];
    for (const rawBody of bodies) {
      const res = await stack.client.call('POST', '/api/calls', { token: fredrikstad, rawBody, headers: { 'content-type': 'application/json' } });
      expectProblem(res, 400);
    }
    const weird = await stack.client.call('GET', '/api/calls/%E0%A4%A');
    expect(weird.status).toBeLessThan(500);
  });

  it('refuses a limit outside 1–100 with 400', async () => {
    expectProblem(await stack.client.call('GET', '/api/calls?limit=0'), 400);
    expectProblem(await stack.client.call('GET', '/api/calls?limit=101'), 400);
  });

  it('refuses a tampered cursor with 400', async () => {
    const first = await stack.client.call('GET', '/api/calls?limit=2');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const cursor: string = first.body.nextCursor;
    const tampered = (cursor[0] === 'e' ? 'f' : 'e') + cursor.slice(1);
    const res = await stack.client.call('GET', `/api/calls?limit=2&cursor=${encodeURIComponent(tampered)}`);
    expectProblem(res, 400);
    expect(res.body.errors).toContainEqual({ path: 'cursor', message: expect.any(String) });
  });
});

describe('the OpenAPI document', () => {
  it('describes every deployed route from the same schemas and no dev route', async () => {
    const res = await stack.client.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/calls', '/api/calls/{id}/proposals/mine', '/api/companies/{orgNumber}']));
    expect(Object.keys(res.body.paths).some((p) => p.startsWith('/api/dev'))).toBe(false);
    const create = res.body.paths['/api/calls'].post.requestBody.content['application/json'].schema;
    expect(create.additionalProperties).toBe(false);
    expect(create.required).toEqual(expect.arrayContaining(['title', 'deadline', 'procedure']));
  });
});
