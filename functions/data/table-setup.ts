import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { db, table } from './client.js';
import { entity } from './entity.js';
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

export const seedMarker = entity<{ seededAt: string; name: string }, string>({
  type: 'seedMarker',
  description: 'Seed data was written to this table: the demo (`SEED`) or a generated market of the scale bench (`SEED#<size>`); written last',
  key: (name) => (name === 'demo' ? keys.seedMarker : { pk: keys.seedMarker.pk, sk: `${keys.seedMarker.sk}#${name}` }),
  keyOf: (m) => m.name,
  patterns: [{ name: 'is the table seeded (demo, or a market size)', index: 'table', partition: 'META', sort: 'SEED[#<size>]' }],
});

/** Whether the demo data (or the named generated market) was written to this table. */
export const isSeeded = async (name = 'demo'): Promise<boolean> => (await seedMarker.get(name)) !== undefined;

export async function markSeeded(at: Date, name = 'demo'): Promise<void> {
  await seedMarker.putIfAbsent({ seededAt: at.toISOString(), name });
}
