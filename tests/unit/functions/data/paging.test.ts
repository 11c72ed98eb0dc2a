import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { queryUpTo } from '../../../../functions/data/paging.js';
import { setTestEnv, TABLE } from '../../support/api.js';

const ddb = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  ddb.reset();
  setTestEnv();
});

/** An item of the published-calls index, n-th by deadline. */
const item = (n: number) => ({
  pk: `CALL#${n}`,
  sk: 'CALL',
  gsi1pk: 'CALLS#PUBLISHED',
  gsi1sk: `2030-03-${String(n).padStart(2, '0')}T00:00:00.000Z#${n}`,
  title: `Call ${n}`,
});
const items = (...ns: number[]) => ns.map(item);
const lek = (n: number) => ({ pk: `CALL#${n}`, sk: 'CALL', gsi1pk: 'CALLS#PUBLISHED', gsi1sk: item(n).gsi1sk });

const indexQuery = {
  TableName: TABLE,
  IndexName: 'gsi1',
  KeyConditionExpression: 'gsi1pk = :p',
  FilterExpression: 'contains(searchText, :w0)',
  ExpressionAttributeValues: { ':p': 'CALLS#PUBLISHED', ':w0': 'sensor' },
};

const sentStartKeys = () => ddb.commandCalls(QueryCommand).map((c) => c.args[0].input.ExclusiveStartKey);

describe('queryUpTo', () => {
  it('keeps querying while filtered pages come back short', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: items(1), LastEvaluatedKey: lek(10) })
      .resolvesOnce({ Items: [], LastEvaluatedKey: lek(20) })
      .resolvesOnce({ Items: items(21, 22), LastEvaluatedKey: lek(30) })
      .resolvesOnce({ Items: items(31, 32) });

    const out = await queryUpTo(indexQuery, 5);

    expect(out.items.map((i) => i.pk)).toEqual(['CALL#1', 'CALL#21', 'CALL#22', 'CALL#31', 'CALL#32']);
    expect(sentStartKeys()).toEqual([undefined, lek(10), lek(20), lek(30)]);
    expect(out.lastKey).toBeUndefined();
  });

  it('truncates to the limit and returns the key of the last item it returned', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: items(1, 2), LastEvaluatedKey: lek(9) })
      .resolvesOnce({ Items: items(10, 11, 12), LastEvaluatedKey: lek(19) });

    const out = await queryUpTo(indexQuery, 4);

    expect(out.items.map((i) => i.pk)).toEqual(['CALL#1', 'CALL#2', 'CALL#10', 'CALL#11']);
    // Not the LastEvaluatedKey (19): that would skip item 12, which was read but not returned.
    expect(out.lastKey).toEqual({ pk: 'CALL#11', sk: 'CALL', gsi1pk: 'CALLS#PUBLISHED', gsi1sk: item(11).gsi1sk });
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(2);
  });

  it('returns a key when the page is exactly full but DynamoDB says there is more', async () => {
    ddb.on(QueryCommand).resolvesOnce({ Items: items(1, 2, 3), LastEvaluatedKey: lek(3) });
    const out = await queryUpTo(indexQuery, 3);
    expect(out.items).toHaveLength(3);
    expect(out.lastKey).toEqual(lek(3));
  });

  it('returns no key when the partition ends exactly at the limit', async () => {
    ddb.on(QueryCommand).resolvesOnce({ Items: items(1, 2, 3) });
    const out = await queryUpTo(indexQuery, 3);
    expect(out.items).toHaveLength(3);
    expect(out.lastKey).toBeUndefined();
  });

  it('returns what there is, without a key, when the partition ends short', async () => {
    ddb.on(QueryCommand).resolvesOnce({ Items: items(1) });
    const out = await queryUpTo(indexQuery, 10);
    expect(out).toEqual({ items: items(1) });
  });

  it('builds a base-table key (pk, sk only) for a query without an index', async () => {
    ddb.on(QueryCommand).resolvesOnce({ Items: items(1, 2, 3) });
    const out = await queryUpTo({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'x' } }, 2);
    expect(out.lastKey).toEqual({ pk: 'CALL#2', sk: 'CALL' });
  });

  it('starts from the given key and reads more than it needs per request', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    await queryUpTo(indexQuery, 10, lek(5));
    const input = ddb.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input.ExclusiveStartKey).toEqual(lek(5));
    expect(input.Limit).toBe(50);
    expect(input).toMatchObject(indexQuery);
  });

  it('asks for twice the limit per request once that exceeds 50', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    await queryUpTo(indexQuery, 40);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.Limit).toBe(80);
  });
});
