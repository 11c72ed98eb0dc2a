import { env } from '../core/config.js';

/** Environment of the notification job, read once per process (like core/config.ts, but only this feature's). */
export interface NotificationSettings {
  /** RFC 5322 From, e.g. `Innovasjonstorget <varsel@innovasjonstorget.no>` (MAIL_FROM). */
  mailFrom: string;
  /** Where links in e-mails point, without a trailing slash (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
}

export const DEFAULT_MAIL_FROM = 'Innovasjonstorget <varsel@innovasjonstorget.no>';

let cached: NotificationSettings | undefined;

export function notificationSettings(): NotificationSettings {
  cached ??= {
    mailFrom: env.mailFrom() ?? DEFAULT_MAIL_FROM,
    publicBaseUrl: env.publicBaseUrl(),
  };
  return cached;
}

/** Tests change env between runs in one process. */
export function resetNotificationSettings(): void {
  cached = undefined;
}
