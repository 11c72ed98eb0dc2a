import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { TABLE_SCHEMA } from './table-schema.js';

/**
 * Creates the single table from TABLE_SCHEMA if it is missing (the same schema CDK deploys), for the local
 * server and DynamoDB Local. Only the data layer talks to DynamoDB, so this lives here and not in infra/local.
 */
export async function ensureTable(tableName: string = table()): Promise<'created' | 'exists'> {
  try {
    await db().send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException) && (e as Error).name !== 'ResourceNotFoundException') throw e;
  }
  const attributes = new Set<string>([TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey]);
  for (const i of TABLE_SCHEMA.indexes) attributes.add(i.partitionKey).add(i.sortKey);
  await db().send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_SCHEMA.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await waitUntilTableExists({ client: db(), maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
  return 'created';
}

/** Whether the demo data was written to this table (one marker item, written last). */
export async function isSeeded(marker: { pk: string; sk: string } = keys.seedMarker): Promise<boolean> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: marker }));
  return Boolean(out.Item);
}

export async function markSeeded(at: Date, marker: { pk: string; sk: string } = keys.seedMarker): Promise<void> {
  try {
    await db().send(new PutCommand({ TableName: table(), Item: { ...marker, seededAt: at.toISOString() }, ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}
