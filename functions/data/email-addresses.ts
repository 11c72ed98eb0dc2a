import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';

/** An e-mail address an organisation gave for notices: pending until someone clicks the signed link. */
export interface EmailAddressRecord {
  orgId: string;
  address: string;
  status: 'pending' | 'confirmed';
  requestedAt: string;
  /** When the confirmation message went out (set by the notification job). */
  sentAt?: string;
  confirmedAt?: string;
}

const strip = (item: Record<string, unknown>): EmailAddressRecord => {
  const { pk, sk, type, gsi1pk, gsi1sk, ...rest } = item;
  void pk, sk, type, gsi1pk, gsi1sk;
  return rest as unknown as EmailAddressRecord;
};

export const normaliseAddress = (address: string) => address.trim().toLowerCase();

export async function getEmailAddress(orgId: string, address: string): Promise<EmailAddressRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.emailAddress(orgId, normaliseAddress(address)) }));
  return out.Item ? strip(out.Item) : undefined;
}

/** Asks for confirmation once: creates the pending item (on gsi1 `EMAILS#PENDING` for the job) unless one exists. */
export async function requestConfirmation(orgId: string, address: string, at: string): Promise<EmailAddressRecord> {
  const a = normaliseAddress(address);
  const record: EmailAddressRecord = { orgId, address: a, status: 'pending', requestedAt: at };
  try {
    await db().send(new PutCommand({
      TableName: table(),
      Item: { ...keys.emailAddress(orgId, a), type: 'emailAddress', ...record, gsi1pk: keys.pendingEmails, gsi1sk: `${at}#${orgId}#${a}` },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
    return record;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    return (await getEmailAddress(orgId, a))!;
  }
}

/** Pending addresses whose confirmation message has not gone out yet. */
export async function listUnsentConfirmations(): Promise<EmailAddressRecord[]> {
  const items = await queryAll({
    TableName: table(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p',
    FilterExpression: 'attribute_not_exists(sentAt)', ExpressionAttributeValues: { ':p': keys.pendingEmails },
  });
  return items.map(strip);
}

/** Claims the one send of a confirmation message (false when another run claimed it). */
export async function claimConfirmationSend(orgId: string, address: string, at: string): Promise<boolean> {
  try {
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.emailAddress(orgId, address),
      UpdateExpression: 'SET sentAt = :at', ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sentAt) AND #s = :pending',
      ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':at': at, ':pending': 'pending' },
    }));
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

export async function releaseConfirmationSend(orgId: string, address: string): Promise<void> {
  await db().send(new UpdateCommand({ TableName: table(), Key: keys.emailAddress(orgId, address), UpdateExpression: 'REMOVE sentAt' }));
}

/** Marks an address confirmed for the organisation (idempotent) and takes it off the job's list. */
export async function confirmAddress(orgId: string, address: string, at: string): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.emailAddress(orgId, normaliseAddress(address)),
    UpdateExpression: 'SET #s = :c, confirmedAt = if_not_exists(confirmedAt, :at), orgId = :o, address = :a, #t = :type REMOVE gsi1pk, gsi1sk',
    ExpressionAttributeNames: { '#s': 'status', '#t': 'type' },
    ExpressionAttributeValues: { ':c': 'confirmed', ':at': at, ':o': orgId, ':a': normaliseAddress(address), ':type': 'emailAddress' },
  }));
}
