import { entity } from './entity.js';
import { keys } from './keys.js';

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

type AddressRef = Pick<EmailAddressRecord, 'orgId' | 'address'>;

export const emailAddresses = entity<EmailAddressRecord, AddressRef>({
  type: 'emailAddress',
  description: 'An e-mail address of an organisation (lower-cased), pending until its link is followed, then confirmed',
  key: (a) => keys.emailAddress(a.orgId, a.address),
  // Only while pending: the notification job's list of confirmation messages to send.
  indexes: (a) => (a.status === 'pending' ? { gsi1pk: keys.pendingEmails, gsi1sk: `${a.requestedAt}#${a.orgId}#${a.address}` } : {}),
  patterns: [
    { name: 'one address of an organisation', index: 'table', partition: 'ORG#<orgId>', sort: 'EMAIL#<address>' },
    { name: 'pending addresses whose confirmation is not sent yet', index: 'gsi1', partition: 'EMAILS#PENDING', sort: '<requestedAt>#<orgId>#<address>' },
  ],
});

export const normaliseAddress = (address: string) => address.trim().toLowerCase();

export const getEmailAddress = (orgId: string, address: string) => emailAddresses.get({ orgId, address: normaliseAddress(address) });

/** Asks for confirmation once: creates the pending item (on gsi1 `EMAILS#PENDING` for the job) unless one exists. */
export async function requestConfirmation(orgId: string, address: string, at: string): Promise<EmailAddressRecord> {
  const record: EmailAddressRecord = { orgId, address: normaliseAddress(address), status: 'pending', requestedAt: at };
  return (await emailAddresses.putIfAbsent(record)) ? record : (await getEmailAddress(orgId, record.address))!;
}

/** Pending addresses whose confirmation message has not gone out yet. */
export const listUnsentConfirmations = () =>
  emailAddresses.queryEvery({ index: 'gsi1', partition: keys.pendingEmails, filter: { expression: 'attribute_not_exists(sentAt)' } });

/** Claims the one send of a confirmation message (false when another run claimed it). */
export const claimConfirmationSend = (orgId: string, address: string, at: string) =>
  emailAddresses.updateIf(
    { orgId, address },
    {
      set: { sentAt: at },
      condition: 'attribute_not_exists(sentAt) AND #status = :pending',
      names: { '#status': 'status' },
      values: { ':pending': 'pending' },
    },
  );

export async function releaseConfirmationSend(orgId: string, address: string): Promise<void> {
  await emailAddresses.updateIf({ orgId, address }, { remove: ['sentAt'] });
}

/** Marks an address confirmed for the organisation (idempotent) and takes it off the job's list. */
export async function confirmAddress(orgId: string, address: string, at: string): Promise<void> {
  const a = normaliseAddress(address);
  await emailAddresses.updateIf(
    { orgId, address: a },
    { set: { status: 'confirmed', orgId, address: a }, setIfAbsent: { confirmedAt: at }, remove: ['gsi1pk', 'gsi1sk'], upsert: true },
  );
}
