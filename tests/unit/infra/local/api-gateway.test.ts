import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGateway, claimsAsStrings } from '../../../../infra/local/api-gateway.js';
import type { ApiEvent } from '../../../../functions/http/types.js';

/** The local stand-in must build the event as API Gateway (HTTP API, payload 2.0) does. */
let server: Server;
let base: string;
const seen: ApiEvent[] = [];
const verify = async (token: string) => {
  if (token !== 'good') throw new Error('bad token');
  return { sub: 'user-1', 'custom:org_id': '3107', 'custom:role': 'municipality', exp: 1_900_000_000, email_verified: true, 'cognito:groups': ['a', 'b'] };
};

beforeAll(async () => {
  const gateway = apiGateway(async (event) => {
    seen.push(event);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
  }, verify);
  server = createServer((req, res) => void gateway(req, res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const last = () => seen[seen.length - 1]!;

describe('the local API Gateway stand-in', () => {
  it('names the matched route in routeKey, as METHOD /path/{param}', async () => {
    await fetch(`${base}/api/calls/01ARZ3NDEKTSV4RRFFQ69G5FAV`);
    expect(last().routeKey).toBe('GET /api/calls/{id}');
    expect(last().requestContext.routeKey).toBe('GET /api/calls/{id}');
    expect(last().pathParameters).toEqual({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
  });

  it('lifts cookies out of the headers into `cookies`', async () => {
    await fetch(`${base}/api/calls`, { headers: { cookie: 'visitor=abc.def; theme=dark' } });
    expect(last().cookies).toEqual(['visitor=abc.def', 'theme=dark']);
    expect(last().headers).not.toHaveProperty('cookie');
  });

  it('drops hop-by-hop headers and keeps end-to-end ones', async () => {
    await fetch(`${base}/api/calls`, { headers: { 'x-request-id': 'r1', te: 'trailers' } });
    expect(last().headers).toMatchObject({ 'x-request-id': 'r1' });
    for (const h of ['connection', 'keep-alive', 'te', 'transfer-encoding', 'upgrade']) expect(last().headers).not.toHaveProperty(h);
  });

  it('verifies tokens on user routes and passes the claims on as strings', async () => {
    expect((await fetch(`${base}/api/me`, { headers: { authorization: 'Bearer bad' } })).status).toBe(401);
    expect((await fetch(`${base}/api/me`)).status).toBe(401);
    const count = seen.length;
    expect((await fetch(`${base}/api/me`, { headers: { authorization: 'Bearer good' } })).status).toBe(200);
    expect(seen.length).toBe(count + 1);
    const claims = last().requestContext.authorizer?.jwt?.claims;
    expect(claims).toMatchObject({ sub: 'user-1', exp: '1900000000', email_verified: 'true', 'cognito:groups': '[a b]' });
    for (const v of Object.values(claims ?? {})) expect(typeof v).toBe('string');
  });

  it('leaves tokens on optional routes to the function, as AWS has no authorizer there', async () => {
    const res = await fetch(`${base}/api/calls`, { headers: { authorization: 'Bearer bad' } });
    expect(res.status).toBe(200);
    expect(last().headers.authorization).toBe('Bearer bad');
    expect(last().requestContext.authorizer).toBeUndefined();
  });

  it('turns every claim type into the string API Gateway would send', () => {
    expect(claimsAsStrings({ a: 1, b: false, c: ['x'], d: undefined, e: 's' })).toEqual({ a: '1', b: 'false', c: '[x]', e: 's' });
  });
});
