/**
 * The baseline bundle: nothing but the DynamoDB document client, built at import the way most
 * handlers do. Every function needs at least this, so it is the floor to compare against.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { id?: string }) => doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.id ?? 'x' } }));
