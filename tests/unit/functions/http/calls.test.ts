/** The calls Lambda (functions/http/entries/calls.ts) with DynamoDB mocked: what it writes and answers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../../functions/http/entries/calls.js';
import { logger } from '../../../../functions/core/logger.js';
import {
  apiEvent,
  callBody,
  CALL_ID,
  companyUser,
  freezeClock,
  haldenUser,
  invoke,
  sarpsborgUser,
  SARPSBORG,
  setTestEnv,
  storedCall,
  TABLE,
} from '../../support/api.js';

const ddb = mockClient(DynamoDBDocumentClient);
const NOW = '2030-01-15T10:00:00.000Z';
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'x', $metadata: {} });

beforeEach(() => {
  ddb.reset();
  // Derived writes after a call's write: its postings (BatchWrite) and statistics counters (Update).
  ddb.on(BatchWriteCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
  setTestEnv();
  freezeClock(NOW);
  vi.spyOn(logger, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const putInput = (n = 0) => ddb.commandCalls(PutCommand)[n]!.args[0].input;

describe('POST /api/calls (createCall)', () => {
  const create = (body: unknown, claims = sarpsborgUser) => invoke(handler, apiEvent('POST', '/api/calls', { claims, body }));

  it("creates a draft of the caller's municipality with one conditional Put", async () => {
    ddb.on(PutCommand).resolves({});
    const res = await create(callBody());

    expect(res.status).toBe(201);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(1);
    const input = putInput();
    expect(input.TableName).toBe(TABLE);
    expect(input.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(input.Item).toMatchObject({
      pk: `CALL#${res.body.id}`,
      sk: 'CALL',
      municipalityCode: SARPSBORG,
      status: 'draft',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
      createdBy: sarpsborgUser.sub,
      gsi2pk: `MUNI#${SARPSBORG}`,
    });
  });

  it('answers with the call, its ETag and its Location', async () => {
    ddb.on(PutCommand).resolves({});
    const res = await create(callBody());
    expect(res.body).toMatchObject({ municipalityCode: SARPSBORG, municipalityName: 'Sarpsborg', status: 'draft', version: 1 });
    expect(res.body.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/calls/${res.body.id}`);
    expect(res.body).not.toHaveProperty('createdBy');
  });

  it('takes the municipality from the claims: each caller gets their own', async () => {
    ddb.on(PutCommand).resolves({});
    await create(callBody(), haldenUser);
    expect(putInput().Item!.municipalityCode).toBe(haldenUser['custom:org_id']);
  });

  it('refuses a municipalityCode, status or id in the body and writes nothing', async () => {
    ddb.on(PutCommand).resolves({});
    const res = await create(callBody({ municipalityCode: '3101', status: 'open', id: 'chosen-id' }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['id', 'municipalityCode', 'status']);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('keeps a draft out of the published index', async () => {
    ddb.on(PutCommand).resolves({});
    await create(callBody());
    expect(putInput().Item).not.toHaveProperty('gsi1pk');
  });

  it('stores the deadline in UTC and code lists without duplicates', async () => {
    ddb.on(PutCommand).resolves({});
    await create(callBody({ deadline: '2030-03-01T12:00:00+01:00', cpvCodes: ['90500000', '90500000'], domains: ['energy', 'energy'] }));
    expect(putInput().Item).toMatchObject({ deadline: '2030-03-01T11:00:00.000Z', cpvCodes: ['90500000'], domains: ['energy'] });
  });

  it('refuses a deadline in the past with 400 at path deadline', async () => {
    const res = await create(callBody({ deadline: '2030-01-15T10:00:00Z' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'deadline', message: 'Deadline is in the past' }]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('is refused to a company user', async () => {
    const res = await create(callBody(), companyUser);
    expect(res.status).toBe(403);
  });
});

describe('PATCH /api/calls/{id} (updateCall)', () => {
  const patch = (body: unknown, headers: Record<string, string> = {}, claims = sarpsborgUser) =>
    invoke(handler, apiEvent('PATCH', `/api/calls/${CALL_ID}`, { claims, body, headers }));

  beforeEach(() => {
    ddb.on(GetCommand, { Key: { pk: `CALL#${CALL_ID}`, sk: 'CALL' } }).resolves({ Item: storedCall({ version: 3 }) });
  });

  it('answers 428 without If-Match and writes nothing', async () => {
    const res = await patch({ title: 'Ny tittel' });
    expect(res.status).toBe(428);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body.type).toBe('urn:innovasjonstorget:problem:precondition-required');
    expect(res.body.detail).toContain('"3"');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 412 to a stale If-Match and writes nothing', async () => {
    const res = await patch({ title: 'Ny tittel' }, { 'if-match': '"2"' });
    expect(res.status).toBe(412);
    expect(res.body.type).toBe('urn:innovasjonstorget:problem:stale-version');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 400 to an If-Match that is not an ETag', async () => {
    const res = await patch({ title: 'Ny tittel' }, { 'if-match': '3' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'If-Match', message: 'Not an ETag' }]);
  });

  it('writes conditionally on the version it read and answers the next version', async () => {
    ddb.on(PutCommand).resolves({});
    const res = await patch({ title: 'Ny tittel' }, { 'if-match': '"3"' });

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"4"');
    expect(res.body).toMatchObject({ title: 'Ny tittel', version: 4, updatedAt: NOW });
    const input = putInput();
    expect(input.ConditionExpression).toContain('#v = :v');
    expect(input.ConditionExpression).toContain('attribute_exists(pk)');
    expect(input.ExpressionAttributeNames).toMatchObject({ '#v': 'version' });
    expect(input.ExpressionAttributeValues).toMatchObject({ ':v': 3 });
    expect(input.Item).toMatchObject({ title: 'Ny tittel', version: 4, municipalityCode: SARPSBORG, status: 'draft' });
  });

  it('accepts a weak ETag and an If-Match header in any case', async () => {
    ddb.on(PutCommand).resolves({});
    const res = await patch({ title: 'Ny tittel' }, { 'If-Match': 'W/"3"' });
    expect(res.status).toBe(200);
  });

  it('answers 412 when another writer wins between read and write', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    const res = await patch({ title: 'Ny tittel' }, { 'if-match': '"3"' });
    expect(res.status).toBe(412);
    expect(res.body.detail).toMatch(/changed by someone else/);
  });

  it('refuses a status or version in the patch', async () => {
    const res = await patch({ status: 'open', version: 99 }, { 'if-match': '"3"' });
    expect(res.status).toBe(400);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('replaces the budget whole rather than merging it with the stored one', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ version: 3, budgetNok: { min: 10, max: 100 } }) });
    ddb.on(PutCommand).resolves({});
    const res = await patch({ budgetNok: { min: 500 } }, { 'if-match': '"3"' });
    expect(res.status).toBe(200);
    expect(putInput().Item!.budgetNok).toEqual({ min: 500 });
  });

  it('forbids another municipality to change the call', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ version: 3, status: 'open' }) });
    const res = await patch({ title: 'Ny tittel' }, { 'if-match': '"3"' }, haldenUser);
    expect(res.status).toBe(403);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it("hides another municipality's draft as 404", async () => {
    const res = await patch({ title: 'Ny tittel' }, { 'if-match': '"3"' }, haldenUser);
    expect(res.status).toBe(404);
  });

  it('answers 409 once the call has closed', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ version: 3, status: 'open', deadline: '2030-01-15T10:00:00.000Z' }) });
    const res = await patch({ title: 'Ny tittel' }, { 'if-match': '"3"' });
    expect(res.status).toBe(409);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('POST /api/calls/{id}/publish (publishCall)', () => {
  it('moves a draft to open with a write conditional on version and status', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ version: 2 }) });
    ddb.on(PutCommand).resolves({});
    const res = await invoke(handler, apiEvent('POST', `/api/calls/${CALL_ID}/publish`, { claims: sarpsborgUser }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', version: 3, publishedAt: NOW });
    const input = putInput();
    expect(input.ExpressionAttributeValues).toMatchObject({ ':v': 2, ':s0': 'draft' });
    expect(input.ConditionExpression).toContain('#s IN (:s0)');
    expect(input.Item).toMatchObject({ status: 'open', gsi1pk: 'CALLS#PUBLISHED', gsi1sk: `2030-03-01T11:00:00.000Z#${CALL_ID}` });
  });

  it('answers 409 to publishing a call that is already open', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ status: 'open' }) });
    const res = await invoke(handler, apiEvent('POST', `/api/calls/${CALL_ID}/publish`, { claims: sarpsborgUser }));
    expect(res.status).toBe(409);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('GET /api/calls (listCalls)', () => {
  const list = (query: Record<string, string>, claims?: typeof sarpsborgUser) =>
    invoke(handler, apiEvent('GET', '/api/calls', { query, ...(claims ? { claims } : {}) }));
  const call = (n: number): Record<string, unknown> =>
    storedCall({ id: `CALL${String(n).padStart(22, '0')}`, status: 'open', deadline: `2030-03-${String(n).padStart(2, '0')}T00:00:00.000Z` });
  /** The call's posting in the published-calls index (partition A: every published call). */
  const published = (n: number): Record<string, unknown> => ({
    pk: call(n).pk,
    sk: 'PUB#A',
    callId: call(n).id,
    gsi3pk: 'PUB#A',
    gsi3sk: `2030-03-${String(n).padStart(2, '0')}T00:00:00.000Z#CALL${String(n).padStart(22, '0')}`,
  });
  // The page's calls, read by key after the postings.
  beforeEach(() => {
    ddb.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { pk: string }[] }> }) => {
      const [name, { Keys }] = Object.entries(input.RequestItems)[0]!;
      return { Responses: { [name]: Keys.map((k) => call(Number(k.pk.slice(-22)))) } };
    });
  });

  it('hands out a cursor that the next request accepts and that resumes after the last item', async () => {
    ddb.on(QueryCommand).resolvesOnce({ Items: [published(1), published(2), published(3)], LastEvaluatedKey: { pk: 'x', sk: 'y' } });
    const first = await list({ limit: '2' });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.nextCursor).not.toContain('CALL#');

    ddb.on(QueryCommand).resolves({ Items: [published(3)] });
    const second = await list({ limit: '2', cursor: first.body.nextCursor });
    expect(second.status).toBe(200);
    const resumed = ddb.commandCalls(QueryCommand)[1]!.args[0].input;
    expect(resumed.ExclusiveStartKey).toMatchObject({ pk: published(2).pk, gsi3sk: published(2).gsi3sk });
  });

  it('answers a tampered cursor with 400 and queries nothing', async () => {
    ddb.on(QueryCommand).resolves({ Items: [published(1), published(2), published(3)], LastEvaluatedKey: { pk: 'x', sk: 'y' } });
    const { body } = await list({ limit: '2' });
    ddb.resetHistory();
    const [payload, mac] = (body.nextCursor as string).split('.');
    const flipped = `${payload}.${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`;
    const res = await list({ cursor: flipped });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'cursor', message: 'Invalid or tampered cursor' }]);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it("refuses a public cursor replayed on the municipality's own listing", async () => {
    ddb.on(QueryCommand).resolves({ Items: [published(1), published(2), published(3)], LastEvaluatedKey: { pk: 'x', sk: 'y' } });
    const { body } = await list({ limit: '2' });
    const res = await list({ mine: 'true', cursor: body.nextCursor }, sarpsborgUser);
    expect(res.status).toBe(400);
  });

  it('keeps drafts off the public listing', async () => {
    const res = await list({ status: 'draft' });
    expect(res.status).toBe(400);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('answers mine=true without a token with 401', async () => {
    expect((await list({ mine: 'true' })).status).toBe(401);
  });

  it('answers a bearer token it cannot verify with 401 rather than ignoring it', async () => {
    const res = await invoke(handler, apiEvent('GET', '/api/calls', { headers: { authorization: 'Bearer not-a-jwt' } }));
    expect(res.status).toBe(401);
    expect(ddb.calls()).toHaveLength(0);
  });
});
