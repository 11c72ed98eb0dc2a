import { entity } from './entity.js';
import { keys } from './keys.js';

interface StakeholderNoticeRecord {
  eventId: string;
  email: string;
  sentAt: string;
}

export const stakeholderNotices = entity<StakeholderNoticeRecord, Pick<StakeholderNoticeRecord, 'eventId' | 'email'>>({
  type: 'stakeholderNotice',
  description: 'A stakeholder notice sent for one event to one recipient (makes sending idempotent per event)',
  key: (n) => keys.stakeholderNotice(n.eventId, n.email),
  patterns: [{ name: 'send a stakeholder notice once', index: 'table', partition: 'NOTICE#<eventId>', sort: 'TO#<email>' }],
});

/**
 * Claims the right to send one stakeholder notice (event, recipient): a conditional put, so an event told
 * twice (a retry, a second Lambda) sends each recipient one message.
 */
export const claimStakeholderNotice = (eventId: string, email: string, at: string) => stakeholderNotices.putIfAbsent({ eventId, email, sentAt: at });

/** Sending failed: let a retry send it. */
export async function releaseStakeholderNotice(eventId: string, email: string): Promise<void> {
  await stakeholderNotices.remove({ eventId, email });
}
