import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';

/**
 * Claims the right to send one stakeholder notice (event, recipient): a conditional put, so an event told
 * twice (a retry, a second Lambda) sends each recipient one message.
 */
export async function claimStakeholderNotice(eventId: string, email: string, at: string): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.stakeholderNotice(eventId, email), type: 'stakeholderNotice', eventId, email, sentAt: at },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Sending failed: let a retry send it. */
export async function releaseStakeholderNotice(eventId: string, email: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: table(), Key: keys.stakeholderNotice(eventId, email) }));
}
