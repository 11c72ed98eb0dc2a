import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../core/config.js';

let doc: DynamoDBDocumentClient | undefined;

/** One client per process, created on first use so that importing a module never reads env. */
export function db(): DynamoDBDocumentClient {
  if (doc) return doc;
  const { dynamodbEndpoint, region } = config();
  const client = new DynamoDBClient({
    region,
    ...(dynamodbEndpoint
      ? {
          endpoint: dynamodbEndpoint,
          // The embedded engine and DynamoDB Local accept any credentials; real AWS uses the role's.
          credentials: {
            accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
            secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
          },
        }
      : {}),
  });
  doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return doc;
}

export const table = () => config().tableName;

/** Tests point the process at a fresh table between suites. */
export function resetDb(): void {
  doc?.destroy();
  doc = undefined;
}

export function isConditionFailure(e: unknown): boolean {
  return (e as { name?: string })?.name === 'ConditionalCheckFailedException';
}
