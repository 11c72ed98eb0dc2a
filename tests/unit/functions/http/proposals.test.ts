/** The proposals Lambda (functions/http/entries/proposals.ts) with DynamoDB mocked. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../../functions/http/entries/proposals.js';
import { logger } from '../../../../functions/core/logger.js';
import {
  apiEvent,
  CALL_ID,
  COMPANY_ORG,
  companyUser,
  freezeClock,
  haldenUser,
  invoke,
  proposalBody,
  resolvedExpression,
  sarpsborgUser,
  setTestEnv,
  storedCall,
  storedCompany,
  TABLE,
} from '../../support/api.js';

const ddb = mockClient(DynamoDBDocumentClient);
const NOW = '2030-01-15T10:00:00.000Z';
const DEADLINE = '2030-03-01T11:00:00.000Z';
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'x', $metadata: {} });

const callKey = { pk: `CALL#${CALL_ID}`, sk: 'CALL' };
const companyKey = { pk: `ORG#${COMPANY_ORG}`, sk: 'ORG' };

beforeEach(() => {
  ddb.reset();
  setTestEnv();
  freezeClock(NOW);
  vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  vi.spyOn(logger, 'info').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Updates of the proposal item itself (not of the counters written beside it). */
const proposalUpdates = () => ddb.commandCalls(UpdateCommand).filter((c) => String(c.args[0].input.Key?.sk ?? '').startsWith('PROPOSAL#'));

describe('PUT /api/calls/{id}/proposals/mine (submitProposal)', () => {
  const submit = (body: unknown = proposalBody()) => invoke(handler, apiEvent('PUT', `/api/calls/${CALL_ID}/proposals/mine`, { claims: companyUser, body }));

  beforeEach(() => {
    ddb.on(GetCommand, { Key: callKey }).resolves({ Item: storedCall({ status: 'open', deadline: DEADLINE }) });
    ddb.on(GetCommand, { Key: companyKey }).resolves({ Item: storedCompany() });
  });

  it('answers 201 when its conditional Put creates the proposal', async () => {
    ddb.on(PutCommand).resolves({});
    const res = await submit();

    expect(res.status).toBe(201);
    // No update of the proposal itself (the statistics counters are updated beside it: data/aggregates.ts).
    expect(proposalUpdates()).toHaveLength(0);
    const input = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(input.TableName).toBe(TABLE);
    expect(input.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(input.Item).toMatchObject({
      pk: `CALL#${CALL_ID}`,
      sk: `PROPOSAL#${COMPANY_ORG}`,
      orgNumber: COMPANY_ORG,
      companyName: 'Sensor AS',
      submittedBy: companyUser.sub,
      submittedAt: NOW,
      partners: [],
    });
    expect(res.body).toMatchObject({ callId: CALL_ID, orgNumber: COMPANY_ORG, priceNok: 350_000 });
    expect(res.body).not.toHaveProperty('submittedBy');
  });

  it('answers 200 when the Put finds a proposal already there and the Update succeeds', async () => {
    // A market dialogue: an innspill has no price, so the update removes it.
    ddb
      .on(GetCommand, { Key: callKey })
      .resolves({ Item: storedCall({ status: 'open', deadline: DEADLINE, procedure: 'market-dialogue', awardCriteria: undefined }) });
    ddb.on(PutCommand).rejects(conditionFailed());
    ddb.on(UpdateCommand).resolves({
      Attributes: {
        pk: `CALL#${CALL_ID}`,
        sk: `PROPOSAL#${COMPANY_ORG}`,
        type: 'proposal',
        gsi2pk: `ORG#${COMPANY_ORG}`,
        gsi2sk: 'PROPOSAL#x',
        callId: CALL_ID,
        orgNumber: COMPANY_ORG,
        companyName: 'Sensor AS',
        summary: 'Oppdatert sammendrag her.',
        description: 'Oppdatert beskrivelse her.',
        partners: [],
        submittedAt: '2030-01-10T10:00:00.000Z',
        updatedAt: NOW,
        submittedBy: companyUser.sub,
      },
    });
    const res = await submit(proposalBody({ priceNok: undefined }));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ submittedAt: '2030-01-10T10:00:00.000Z', updatedAt: NOW, summary: 'Oppdatert sammendrag her.' });
    for (const hidden of ['pk', 'sk', 'gsi2pk', 'submittedBy']) expect(res.body).not.toHaveProperty(hidden);
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual({ pk: `CALL#${CALL_ID}`, sk: `PROPOSAL#${COMPANY_ORG}` });
    expect(update.ConditionExpression).toBe('attribute_exists(pk)');
    expect(resolvedExpression(update.UpdateExpression, update)).toContain('REMOVE priceNok');
  });

  it('creates again when the proposal was withdrawn between the Put and the Update', async () => {
    ddb.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});
    // The proposal's update finds it gone; the statistics counters (their own items) update as usual.
    ddb.on(UpdateCommand).callsFake((input: { Key?: { sk?: string } }) => {
      if (input.Key?.sk?.startsWith('PROPOSAL#')) throw conditionFailed();
      return {};
    });
    const res = await submit();
    expect(res.status).toBe(201);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(2);
    expect(proposalUpdates()).toHaveLength(1);
  });

  it('answers 409 once the deadline has passed and writes nothing', async () => {
    ddb.on(GetCommand, { Key: callKey }).resolves({ Item: storedCall({ status: 'open', deadline: NOW }) });
    const res = await submit();
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('it is closed');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 404 for a draft call, which a company cannot see', async () => {
    ddb.on(GetCommand, { Key: callKey }).resolves({ Item: storedCall({ status: 'draft' }) });
    const res = await submit();
    expect(res.status).toBe(404);
  });

  it("answers 403 when the caller's organisation is not a registered company", async () => {
    ddb.on(PutCommand).resolves({});
    ddb.on(GetCommand, { Key: companyKey }).resolves({});
    const res = await submit();
    expect(res.status).toBe(403);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('refuses an orgNumber in the body', async () => {
    const res = await submit(proposalBody({ orgNumber: '923609016' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'orgNumber', message: 'Unknown property "orgNumber" is not allowed' }]);
  });
});

describe('GET /api/calls/{id}/proposals (listProposals)', () => {
  const list = (claims = sarpsborgUser) => invoke(handler, apiEvent('GET', `/api/calls/${CALL_ID}/proposals`, { claims }));
  const openCall = () => ddb.on(GetCommand, { Key: callKey }).resolves({ Item: storedCall({ status: 'open', deadline: DEADLINE }) });
  const proposalItem = {
    pk: `CALL#${CALL_ID}`,
    sk: `PROPOSAL#${COMPANY_ORG}`,
    type: 'proposal',
    callId: CALL_ID,
    orgNumber: COMPANY_ORG,
    companyName: 'Sensor AS',
    summary: 'Vi leverer sensorer og en app.',
    description: 'Pilot med 40 sensorer.',
    partners: [],
    submittedAt: NOW,
    updatedAt: NOW,
    submittedBy: companyUser.sub,
  };

  it('answers the owning municipality 403 before the deadline, saying the proposals are sealed until it', async () => {
    openCall();
    const res = await list();
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body.detail).toContain(`sealed until ${DEADLINE}`);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
    expect(logger.info).toHaveBeenCalledWith('proposals.read.denied', expect.objectContaining({ reason: 'sealed', callId: CALL_ID }));
  });

  it('is sealed one millisecond before the deadline', async () => {
    openCall();
    freezeClock('2030-03-01T10:59:59.999Z');
    expect((await list()).status).toBe(403);
  });

  it('answers 403 impartiality-required until the reader has declared impartiality', async () => {
    openCall();
    ddb.on(GetCommand, { Key: { pk: `CALL#${CALL_ID}`, sk: `IMPARTIAL#${sarpsborgUser.sub}` } }).resolves({});
    freezeClock(DEADLINE);
    const res = await list();
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(/impartiality-required$/);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('lets the owning municipality read them from the deadline on, once impartial', async () => {
    openCall();
    ddb
      .on(GetCommand, { Key: { pk: `CALL#${CALL_ID}`, sk: `IMPARTIAL#${sarpsborgUser.sub}` } })
      .resolves({ Item: { callId: CALL_ID, userId: sarpsborgUser.sub, impartial: true, declaredAt: NOW } });
    ddb.on(QueryCommand).resolves({ Items: [proposalItem] });
    freezeClock(DEADLINE);
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ orgNumber: COMPANY_ORG, companyName: 'Sensor AS' });
    expect(res.body.items[0]).not.toHaveProperty('submittedBy');
    const query = ddb.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(resolvedExpression(query.KeyConditionExpression, query)).toBe(`pk = "CALL#${CALL_ID}" AND begins_with(sk, "PROPOSAL#")`);
    expect(logger.info).toHaveBeenCalledWith('proposals.read.granted', expect.objectContaining({ count: 1 }));
  });

  it('answers another municipality 403 even after the deadline', async () => {
    openCall();
    freezeClock('2030-04-01T00:00:00Z');
    const res = await list(haldenUser);
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('Only Sarpsborg kommune can read the proposals to this call.');
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('answers a company 403, its own proposal included', async () => {
    openCall();
    freezeClock('2030-04-01T00:00:00Z');
    expect((await list(companyUser)).status).toBe(403);
  });

  it('answers 404 for a call that does not exist', async () => {
    ddb.on(GetCommand).resolves({});
    expect((await list()).status).toBe(404);
  });
});

describe('DELETE /api/calls/{id}/proposals/mine (withdrawProposal)', () => {
  const withdraw = () => invoke(handler, apiEvent('DELETE', `/api/calls/${CALL_ID}/proposals/mine`, { claims: companyUser }));

  beforeEach(() => {
    ddb.on(GetCommand, { Key: callKey }).resolves({ Item: storedCall({ status: 'open', deadline: DEADLINE }) });
  });

  it('answers 204 with no body after a delete conditional on the proposal existing', async () => {
    ddb.on(DeleteCommand).resolves({});
    ddb.on(QueryCommand).resolves({ Items: [] }); // the proposal's attachments (none here) go with it
    const res = await withdraw();
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const input = ddb.commandCalls(DeleteCommand)[0]!.args[0].input;
    expect(input.Key).toEqual({ pk: `CALL#${CALL_ID}`, sk: `PROPOSAL#${COMPANY_ORG}` });
    expect(input.ConditionExpression).toBe('attribute_exists(pk)');
    const attachments = ddb.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(resolvedExpression(attachments.KeyConditionExpression, attachments)).toBe(`pk = "CALL#${CALL_ID}" AND begins_with(sk, "ATTACH#${COMPANY_ORG}#")`);
  });

  it('answers 404 when there was no proposal to withdraw', async () => {
    ddb.on(DeleteCommand).rejects(conditionFailed());
    expect((await withdraw()).status).toBe(404);
  });
});
