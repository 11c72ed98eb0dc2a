/**
 * Helpers for unit tests that drive the real Middy stack with hand-built API Gateway HTTP API
 * (payload 2.0) events and a mocked DynamoDB document client. Only tests/unit imports this.
 */
import type { Context } from 'aws-lambda';
import { vi } from 'vitest';
import { resetConfig } from '../../../functions/core/config.js';
import { resetDb } from '../../../functions/data/client.js';
import { keys } from '../../../functions/data/keys.js';
import type { CallRecord } from '../../../functions/data/calls.js';
import type { ApiEvent, ApiResponse } from '../../../functions/http/types.js';

export const TABLE = 'test-table';
export const CURSOR_SECRET = 'unit-test-cursor-secret';

/** Env every unit test runs with; config and client are rebuilt so nothing leaks between tests. */
export function setTestEnv(): void {
  process.env.CURSOR_SECRET = CURSOR_SECRET;
  process.env.TABLE_NAME = TABLE;
  process.env.AWS_REGION = 'eu-north-1';
  delete process.env.DYNAMODB_ENDPOINT;
  delete process.env.COGNITO_USER_POOL_ID;
  delete process.env.COGNITO_CLIENT_ID;
  // Unit tests pin the index queries the listing sends; the in-memory snapshot in front of them is
  // covered by the integration tests, which run the listing both ways.
  process.env.PUBLISHED_SNAPSHOT_MAX = '0';
  // As in AWS, the functions leave postings and statistics counters to the table's stream (integration
  // tests run them inline on dynalite, and tests/integration/programme/stream-counters.test.ts the stream path).
  process.env.DERIVED_WRITES = 'stream';
  resetConfig();
  resetDb();
}

/** Moves only Date: promises and the SDK's own timers keep running. */
export function freezeClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

export type JwtClaims = Record<string, string>;

/** Claims as API Gateway's JWT authorizer hands them over. */
export const claimsOf = (sub: string, orgId: string, role: string, name = 'Test User'): JwtClaims => ({
  sub,
  name,
  'custom:org_id': orgId,
  'custom:role': role,
});

export const SARPSBORG = '3105';
export const HALDEN = '3101';
export const COMPANY_ORG = '974760673';

export const sarpsborgUser = claimsOf('user-sarpsborg', SARPSBORG, 'municipality', 'Kari Nordmann');
export const haldenUser = claimsOf('user-halden', HALDEN, 'municipality', 'Per Hansen');
export const companyUser = claimsOf('user-company', COMPANY_ORG, 'company', 'Ola Sensor');

export interface EventOptions {
  claims?: JwtClaims;
  /** Serialised as JSON with Content-Type application/json unless `rawBody` or a content-type header says otherwise. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** An API Gateway HTTP API payload 2.0 event, as the $default stage delivers it. */
export function apiEvent(method: string, path: string, opts: EventOptions = {}): ApiEvent {
  const headers: Record<string, string> = { host: 'api.example.test', 'user-agent': 'vitest', ...opts.headers };
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const rawQueryString = new URLSearchParams(opts.query ?? {}).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers,
    ...(opts.query ? { queryStringParameters: opts.query } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'unitapi',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: 'req-unit',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2030:00:00:00 +0000',
      timeEpoch: 1_893_456_000_000,
      ...(opts.claims ? { authorizer: { jwt: { claims: opts.claims, scopes: [] } } } : {}),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  } as ApiEvent;
}

export const lambdaContext = { awsRequestId: 'req-unit', functionName: 'unit' } as unknown as Context;

type Handler = (event: ApiEvent, context: Context) => Promise<ApiResponse>;

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: any;
}

/** Invokes a Lambda handler and parses its JSON body. */
export async function invoke(handler: unknown, event: ApiEvent): Promise<Reply> {
  const res = await (handler as Handler)(event, lambdaContext);
  const headers = Object.fromEntries(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const text = typeof res.body === 'string' ? res.body : undefined;
  return { status: res.statusCode ?? 200, headers, body: text ? JSON.parse(text) : undefined };
}

/** A valid POST /api/calls body; override what a test is about. */
export function callBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Smarte søppelkasser i sentrum',
    summary: 'Sensorer som melder når søppelkassene er fulle.',
    description: 'Kommunen vil teste sensorer i søppelkasser i sentrum for å tømme dem ved behov.',
    domains: ['water-waste'],
    cpvCodes: ['90500000'],
    budgetNok: { min: 100_000, max: 500_000 },
    deadline: '2030-03-01T12:00:00+01:00',
    procedure: 'market-dialogue',
    ...overrides,
  };
}

export const proposalBody = (overrides: Record<string, unknown> = {}) => ({
  summary: 'Vi leverer sensorer og en app for tømmeruter.',
  description: 'Pilot med 40 sensorer i tre måneder, deretter evaluering sammen med kommunen.',
  priceNok: 350_000,
  ...overrides,
});

export const CALL_ID = '01JH0000000000000000000000';

/** A call as DynamoDB returns it (keys and index attributes included). */
export function storedCall(overrides: Partial<CallRecord> = {}): Record<string, unknown> {
  const call: CallRecord = {
    id: CALL_ID,
    municipalityCode: SARPSBORG,
    title: 'Smarte søppelkasser i sentrum',
    summary: 'Sensorer som melder når søppelkassene er fulle.',
    description: 'Kommunen vil teste sensorer i søppelkasser i sentrum for å tømme dem ved behov.',
    domains: ['water-waste'],
    cpvCodes: ['90500000'],
    deadline: '2030-03-01T11:00:00.000Z',
    procedure: 'startup-challenge',
    awardCriteria: [
      { id: 'pris', name: 'Pris', kind: 'price', weight: 40 },
      { id: 'kvalitet', name: 'Kvalitet', kind: 'quality', weight: 30 },
      { id: 'klima', name: 'Klima og miljø', kind: 'climate', weight: 30 },
    ],
    status: 'draft',
    version: 1,
    createdAt: '2029-12-01T10:00:00.000Z',
    updatedAt: '2029-12-01T10:00:00.000Z',
    createdBy: 'user-sarpsborg',
    ...overrides,
  };
  return {
    ...keys.call(call.id),
    type: 'call',
    ...call,
    searchText: `${call.title}\n${call.summary}\n${call.description}`.toLowerCase(),
    gsi2pk: keys.municipalityCalls(call.municipalityCode),
    gsi2sk: keys.municipalityCallSort(call.createdAt, call.id),
  };
}

export function storedCompany(orgNumber = COMPANY_ORG, name = 'Sensor AS'): Record<string, unknown> {
  return { ...keys.organisation(orgNumber), type: 'organisation', id: orgNumber, kind: 'company', name };
}

/**
 * A DynamoDB expression as the table reads it: `#name` and `:value` placeholders replaced by the attribute
 * names and (JSON) values, so a test pins what is asked, not how the placeholders happen to be named.
 */
export function resolvedExpression(
  expression: string | undefined,
  input: { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> },
): string {
  return (expression ?? '')
    .replace(/#[A-Za-z0-9_]+/g, (p) => input.ExpressionAttributeNames?.[p] ?? p)
    .replace(/:[A-Za-z0-9_]+/g, (p) => (p in (input.ExpressionAttributeValues ?? {}) ? JSON.stringify(input.ExpressionAttributeValues![p]) : p));
}
