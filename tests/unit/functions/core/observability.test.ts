/** Logs and metrics as the ecosystem does them: Powertools logger context, correlation ids, EMF counts. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { handler as proposals } from '../../../../functions/http/entries/proposals.js';
import { handler as calls } from '../../../../functions/http/entries/calls.js';
import { logger } from '../../../../functions/core/logger.js';
import { apiEvent, CALL_ID, freezeClock, invoke, sarpsborgUser, setTestEnv, storedCall } from '../../support/api.js';

const ddb = mockClient(DynamoDBDocumentClient);
let counted: string[];

beforeEach(() => {
  ddb.reset();
  setTestEnv();
  freezeClock('2030-01-15T10:00:00.000Z');
  counted = [];
  vi.spyOn(Metrics.prototype, 'addMetric').mockImplementation(function (this: Metrics, name: string) {
    counted.push(name);
    return this;
  });
  vi.spyOn(logger, 'info').mockImplementation(() => undefined);
  vi.spyOn(logger, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('metrics', () => {
  it('counts an attempt to read sealed proposals', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ status: 'open', deadline: '2030-03-01T11:00:00.000Z' }) });
    const res = await invoke(proposals, apiEvent('GET', `/api/calls/${CALL_ID}/proposals`, { claims: sarpsborgUser }));
    expect(res.status).toBe(403);
    expect(counted).toEqual(['SealedReadAttempts']);
  });

  it('counts a conditional write that lost to a concurrent editor', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall() });
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'x', $metadata: {} }));
    const res = await invoke(calls, apiEvent('POST', `/api/calls/${CALL_ID}/publish`, { claims: sarpsborgUser }));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(counted).toContain('ConditionalWriteConflicts');
  });

  it('counts nothing on an ordinary read', async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ status: 'open' }) });
    expect((await invoke(calls, apiEvent('GET', `/api/calls/${CALL_ID}`))).status).toBe(200);
    expect(counted).toEqual([]);
  });
});

describe('correlation ids', () => {
  it("answers with API Gateway's request id when the caller sends none", async () => {
    ddb.on(GetCommand).resolves({ Item: storedCall({ status: 'open' }) });
    const res = await invoke(calls, apiEvent('GET', `/api/calls/${CALL_ID}`));
    expect(res.headers['x-correlation-id']).toBe('req-unit');
  });

  it("keeps the caller's own id, on errors too, and refuses one that could forge log lines", async () => {
    ddb.on(GetCommand).resolves({});
    const mine = await invoke(calls, apiEvent('GET', `/api/calls/${CALL_ID}`, { headers: { 'x-correlation-id': 'support-case-42' } }));
    expect(mine.status).toBe(404);
    expect(mine.headers['x-correlation-id']).toBe('support-case-42');
    const forged = await invoke(calls, apiEvent('GET', `/api/calls/${CALL_ID}`, { headers: { 'x-correlation-id': 'x"\n{"level":"ERROR"' } }));
    expect(forged.headers['x-correlation-id']).toBe('req-unit');
  });

  it('puts the correlation id and the Lambda context on audit events', async () => {
    vi.mocked(logger.info).mockRestore();
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
    ddb.on(GetCommand).resolves({ Item: storedCall({ status: 'open', deadline: '2030-03-01T11:00:00.000Z' }) });
    await invoke(proposals, apiEvent('GET', `/api/calls/${CALL_ID}/proposals`, { claims: sarpsborgUser, headers: { 'x-correlation-id': 'case-7' } }));
    const audit = written.map((l) => JSON.parse(l)).find((l) => l.event === 'proposals.read.denied');
    expect(audit).toMatchObject({ audit: true, correlation_id: 'case-7', function_request_id: 'req-unit' });
  });
});
