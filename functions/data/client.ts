import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, env } from '../core/config.js';
import { count, METRIC } from '../core/metrics.js';

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
          credentials: env.localCredentials(),
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

/**
 * Every conditional write that lost passes through here on its way to a 409/412 or a retry, so this is
 * where conflicts are counted (metric ConditionalWriteConflicts).
 */
export function isConditionFailure(e: unknown): boolean {
  const failed = (e as { name?: string })?.name === 'ConditionalCheckFailedException';
  if (failed) count(METRIC.conditionalWriteConflict);
  return failed;
}
