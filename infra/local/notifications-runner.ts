import { join } from 'node:path';
import { fileMailer } from '../../functions/notifications/mailer.js';
import { runNotifications } from '../../functions/subscriptions/run-notifications.js';
import { notificationSettings } from '../../functions/subscriptions/settings.js';

export interface NotificationsRunner {
  /** Where the messages are written. */
  outbox: string;
  /** Stops the timer and waits for a run under way. */
  stop: () => Promise<void>;
}

/**
 * The local stand-in for the immediate schedule: runs the immediate notification job every 30 s (first run after
 * one interval) and writes each e-mail as a .eml file to <dataDir>/outbox (or OUTBOX_DIR). Runs never overlap.
 * The weekly digest is not scheduled locally; run it by hand:
 *   npx tsx -e "import('./functions/jobs/notifications.ts').then(m => m.handler({ kind: 'weekly' }))"
 */
export function startNotificationsRunner(opts: {
  dataDir: string;
  intervalMs?: number;
  /** Links in e-mails; default PUBLIC_BASE_URL or http://localhost:3000. */
  publicBaseUrl?: string;
  log?: (msg: string) => void;
}): NotificationsRunner {
  const outbox = process.env.OUTBOX_DIR || join(opts.dataDir, 'outbox');
  const mailer = fileMailer(outbox);
  const log = opts.log ?? console.log;
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    const settings = { ...notificationSettings(), ...(opts.publicBaseUrl ? { publicBaseUrl: opts.publicBaseUrl } : {}) };
    running = runNotifications('immediate', { mailer, settings })
      .then((report) => {
        if (report.sent > 0) log(`Notifications: ${report.sent} e-mail(s) written to ${outbox}`);
        if (report.failed > 0) log(`Notifications: ${report.failed} failed; the next run retries them`);
      })
      .catch((e: unknown) => log(`Notifications: the job failed: ${(e as Error).message}`))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, opts.intervalMs ?? 30_000);
  timer.unref();

  return {
    outbox,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
