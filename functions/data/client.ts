import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, env } from '../core/config.js';
import { count, METRIC } from '../core/metrics.js';
import { record } from './capacity.js';
import { TABLE_SCHEMA } from './table-schema.js';

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
  meterCapacity(client);
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

type Input = { ReturnConsumedCapacity?: string; Item?: Record<string, unknown>; RequestItems?: Record<string, unknown[]> };

/**
 * Every call asks for its consumed capacity and adds it to the request's meter (capacity.ts). On the base
 * client, so commands sent through the document client pass through it too.
 */
function meterCapacity(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Input;
      const name = String((context as { commandName?: string }).commandName ?? '');
      if (!/^(Create|Describe|Delete)Table/.test(name)) input.ReturnConsumedCapacity ??= 'TOTAL';
      const out = await next(args);
      const puts = writtenItems(input);
      const indexed = puts.reduce((s, item) => s + indexWriteUnits(item), 0);
      const written = puts.length + (/Update|Delete/.test(name) ? 1 : 0) + batchDeletes(input);
      record(
        name.replace(/Item(Command)$/, '$1').replace(/^(Put|Get|Update|Delete|BatchGet|BatchWrite)Command$/, (_, v: string) => `${v}ItemCommand`),
        out.output as never,
        indexed,
        written,
      );
      return out;
    },
    { step: 'initialize', name: 'consumedCapacity' },
  );
}

function writtenItems(input: Input): Record<string, unknown>[] {
  if (input.Item) return [input.Item];
  return Object.values(input.RequestItems ?? {})
    .filter(Array.isArray)
    .flatMap((requests) => (requests as { PutRequest?: { Item: Record<string, unknown> } }[]).flatMap((r) => (r.PutRequest ? [r.PutRequest.Item] : [])));
}

const batchDeletes = (input: Input) =>
  Object.values(input.RequestItems ?? {})
    .filter(Array.isArray)
    .reduce((s, rs) => s + (rs as { DeleteRequest?: unknown }[]).filter((r) => r.DeleteRequest).length, 0);

/** 1 KB units per index the item is in: what DynamoDB adds for index writes (the embedded engine does not). */
function indexWriteUnits(item: Record<string, unknown>): number {
  const inIndexes = TABLE_SCHEMA.indexes.filter((i) => item[i.partitionKey] !== undefined).length;
  return inIndexes ? inIndexes * Math.max(1, Math.ceil(JSON.stringify(item).length / 1024)) : 0;
}
