import { logger } from '../core/logger.js';
import { loadSecrets } from '../core/secrets.js';
import { runNotifications, type NotificationKind, type NotificationReport } from '../subscriptions/run-notifications.js';

const KINDS: readonly NotificationKind[] = ['immediate', 'weekly'];

/**
 * The scheduled Lambda (EventBridge Scheduler): {"kind":"immediate"} every 10 minutes, {"kind":"weekly"} on
 * Mondays at 07:00 Oslo time. Throws on anything else, so a misconfigured schedule shows up as an error.
 */
export const handler = async (event: { kind: NotificationKind }): Promise<NotificationReport> => {
  const kind = event?.kind;
  if (!KINDS.includes(kind)) {
    logger.error('notifications.bad-event', { event });
    throw new Error(`Expected {"kind":"immediate"|"weekly"}, got ${JSON.stringify(event)}`);
  }
  await loadSecrets();
  return runNotifications(kind);
};
