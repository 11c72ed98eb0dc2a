import { ulid } from 'ulid';
import { now as systemNow } from '../core/clock.js';
import { logger } from '../core/logger.js';
import { listOpenCalls, type CallRecord } from '../data/calls.js';
import { getOrganisation, getOrganisations } from '../data/organisations.js';
import { listAssociationMemberships } from '../data/associations.js';
import { recipientLanguages, type LanguageOf } from '../notifications/recipient-language.js';
import {
  advanceNotificationWatermark,
  claimNotice,
  getNotificationWatermark,
  listSubscriptionsByFrequency,
  releaseNotice,
  type SubscriptionRecord,
} from '../data/subscriptions.js';
import { mailer as defaultMailer, type Mailer } from '../notifications/mailer.js';
import { matchesFilters } from './matches-filters.js';
import { buildMessage, messageIdFor, type MessageCall } from './render-message.js';
import { notificationSettings, type NotificationSettings } from './settings.js';
import { unsubscribeToken } from './unsubscribe-token.js';
import { isConfirmed, sendConfirmations } from './email-confirmation.js';

export type NotificationKind = 'immediate' | 'weekly';

export interface NotificationDeps {
  mailer: Mailer;
  now: () => Date;
  settings: NotificationSettings;
}

export interface NotificationReport {
  kind: NotificationKind;
  /** Calls looked at (published in the window and still open). */
  calls: number;
  subscriptions: number;
  /** Messages handed to the mailer (member copies included). */
  sent: number;
  /** Notices or digests whose send failed; their claim was released for a later run. */
  failed: number;
  /** Address confirmation messages sent in this run. */
  confirmationsSent?: number;
  /** Notices or digests not sent because the subscription's address is not confirmed. */
  unconfirmed?: number;
}

/** Whether a subscription's address is confirmed for its organisation, looked up once per run. */
function confirmedCheck(): (sub: SubscriptionRecord) => Promise<boolean> {
  const cache = new Map<string, Promise<boolean>>();
  return (sub) => {
    const k = `${sub.orgId}#${sub.email.toLowerCase()}`;
    let found = cache.get(k);
    if (!found) cache.set(k, (found = isConfirmed(sub.orgId, sub.email)));
    return found;
  };
}

const DAY = 86_400_000;
/** Re-read this much before the watermark: a publish that began before the last run may have committed after it read. */
export const WATERMARK_OVERLAP_MS = 5 * 60_000;
/** With no watermark yet (first run ever), look back this far rather than over every open call. */
export const FIRST_RUN_LOOKBACK_MS = DAY;
/** A digest lists at most this many calls (newest first) and links to the rest. */
export const DIGEST_MAX_CALLS = 50;

/**
 * The notification job, over the data layer, a mailer port and a clock.
 *
 * immediate: calls published since the watermark (META/NOTICES, minus an overlap) and still open; for each
 * immediate subscription that matches one (and existed when it was published), one notice per (subscription, call).
 * Exactly once: the SUB#id/SENT#callId item is put conditionally before sending and deleted again if the send
 * fails; the watermark then stops short of the failed call, so the next run retries it.
 *
 * weekly: for each weekly subscription, the open calls published in the last 7 days that match, as one digest
 * (none when nothing matches); claimed as SENT#DIGEST#<ISO week>, so a retried or doubled run sends it once.
 */
export async function runNotifications(kind: NotificationKind, deps: Partial<NotificationDeps> = {}): Promise<NotificationReport> {
  const d: NotificationDeps = {
    mailer: deps.mailer ?? defaultMailer(),
    now: deps.now ?? systemNow,
    settings: deps.settings ?? notificationSettings(),
  };
  return kind === 'immediate' ? runImmediate(d) : runWeekly(d);
}

async function runImmediate(d: NotificationDeps): Promise<NotificationReport> {
  const at = d.now();
  const confirmationsSent = await sendConfirmations(d.mailer, d.settings, at);
  const atIso = at.toISOString();
  const watermark = await getNotificationWatermark();
  const since = new Date(watermark ? Date.parse(watermark) - WATERMARK_OVERLAP_MS : at.getTime() - FIRST_RUN_LOOKBACK_MS).toISOString();
  const calls = (await listOpenCalls(atIso))
    .filter((c) => c.publishedAt !== undefined && c.publishedAt > since && c.publishedAt <= atIso)
    .sort((a, b) => (a.publishedAt! < b.publishedAt! ? -1 : 1));
  const report: NotificationReport = { kind: 'immediate', calls: calls.length, subscriptions: 0, sent: 0, failed: 0, confirmationsSent, unconfirmed: 0 };
  const confirmed = confirmedCheck();
  const failedAt: string[] = [];

  if (calls.length > 0) {
    const subscriptions = await listSubscriptionsByFrequency('immediate');
    report.subscriptions = subscriptions.length;
    const fanOut = audience();
    for (const sub of subscriptions) {
      for (const call of calls) {
        // A new subscription is told about calls published from now on, not about what it could already see.
        if (call.publishedAt! < sub.createdAt || !matchesFilters(sub.filters, call)) continue;
        // An unconfirmed address gets nothing; the notice is not claimed, so it goes out if confirmed in time.
        if (!(await confirmed(sub))) {
          report.unconfirmed!++;
          continue;
        }
        if (!(await claimNotice(sub.id, call.id, atIso))) continue;
        const result = await send(d, sub, 'notice', [call], fanOut);
        report.sent += result.sent;
        if (!result.ok) {
          await releaseNotice(sub.id, call.id);
          report.failed++;
          failedAt.push(call.publishedAt!);
        }
      }
    }
  }

  // Only forward, and never past a call whose notice failed (minus 1 ms: the window's lower bound is exclusive).
  const next = failedAt.length ? new Date(Date.parse(failedAt.sort()[0]!) - 1).toISOString() : atIso;
  if (!watermark || next > watermark) await advanceNotificationWatermark(watermark, next);
  logger.info('notifications.immediate', { ...report, since, watermark: next });
  return report;
}

async function runWeekly(d: NotificationDeps): Promise<NotificationReport> {
  const at = d.now();
  const confirmationsSent = await sendConfirmations(d.mailer, d.settings, at);
  const confirmed = confirmedCheck();
  const atIso = at.toISOString();
  const weekAgo = new Date(at.getTime() - 7 * DAY).toISOString();
  const calls = (await listOpenCalls(atIso))
    .filter((c) => c.publishedAt !== undefined && c.publishedAt > weekAgo && c.publishedAt <= atIso)
    .sort((a, b) => (a.publishedAt! > b.publishedAt! ? -1 : 1));
  const subscriptions = calls.length ? await listSubscriptionsByFrequency('weekly') : [];
  const report: NotificationReport = {
    kind: 'weekly',
    calls: calls.length,
    subscriptions: subscriptions.length,
    sent: 0,
    failed: 0,
    confirmationsSent,
    unconfirmed: 0,
  };
  const digestId = `DIGEST#${isoWeek(at)}`;
  const fanOut = audience();
  for (const sub of subscriptions) {
    const matching = calls.filter((c) => matchesFilters(sub.filters, c)).slice(0, DIGEST_MAX_CALLS);
    if (matching.length === 0) continue;
    if (!(await confirmed(sub))) {
      report.unconfirmed!++;
      continue;
    }
    if (!(await claimNotice(sub.id, digestId, atIso))) continue;
    const result = await send(d, sub, 'digest', matching, fanOut);
    report.sent += result.sent;
    if (!result.ok) {
      await releaseNotice(sub.id, digestId);
      report.failed++;
    }
  }
  logger.info('notifications.weekly', { ...report, week: digestId });
  return report;
}

interface Member {
  orgId: string;
  email: string;
}
interface FanOut {
  /** Member copies of an association's forMembers search: its name and each member company's contact e-mail. */
  members: (sub: SubscriptionRecord) => Promise<{ name: string; members: Member[] }>;
  /** The language of each message (the recipient organisation's users'). */
  languageOf: LanguageOf;
}

/** Who gets a run's messages, and in which language, looked up once per organisation per run. */
function audience(): FanOut {
  const cache = new Map<string, Promise<{ name: string; members: Member[] }>>();
  return {
    languageOf: recipientLanguages(),
    members: (sub) => {
      let found = cache.get(sub.orgId);
      if (!found) {
        // Members who set a contact e-mail on their profile (public on the profile page); the others are skipped.
        found = (async () => {
          const [org, memberships] = await Promise.all([getOrganisation(sub.orgId), listAssociationMemberships(sub.orgId, 'accepted')]);
          const orgs = await getOrganisations(memberships.map((m) => m.orgNumber));
          const members = [...orgs.values()].flatMap((o) => (o.contactEmail?.includes('@') ? [{ orgId: o.id, email: o.contactEmail }] : []));
          return { name: org?.name ?? 'foreningen', members };
        })();
        cache.set(sub.orgId, found);
      }
      return found;
    },
  };
}

/**
 * Sends the subscriber's copy and, for forMembers, one copy per member company (each to that address alone, so
 * members never see each other). ok is the subscriber's copy: a failed member copy is logged, not retried, so a
 * retry never sends the subscriber a duplicate.
 */
async function send(
  d: NotificationDeps,
  sub: SubscriptionRecord,
  kind: 'notice' | 'digest',
  calls: CallRecord[],
  fanOut: FanOut,
): Promise<{ ok: boolean; sent: number }> {
  const base = {
    kind,
    subscriptionName: sub.name,
    calls: calls.map((c): MessageCall => ({ id: c.id, title: c.title, municipalityCode: c.municipalityCode, deadline: c.deadline, procedure: c.procedure })),
    date: d.now(),
    settings: d.settings,
  };
  try {
    const raw = await buildMessage({
      ...base,
      to: sub.email,
      lang: await fanOut.languageOf(sub.orgId, sub.email),
      unsubscribeToken: unsubscribeToken({ orgId: sub.orgId, subscriptionId: sub.id }),
      messageId: messageIdFor(ulid(), d.settings.mailFrom),
    });
    await d.mailer.deliver(raw, [sub.email]);
  } catch (e) {
    logger.error('notifications.send-failed', { subscriptionId: sub.id, kind, error: e as Error });
    return { ok: false, sent: 0 };
  }
  let sent = 1;
  if (sub.forMembers) {
    const { name, members } = await fanOut.members(sub);
    for (const { orgId, email } of members.filter((m) => m.email.toLowerCase() !== sub.email.toLowerCase())) {
      try {
        const raw = await buildMessage({
          ...base,
          to: email,
          onBehalfOf: name,
          lang: await fanOut.languageOf(orgId, email),
          messageId: messageIdFor(ulid(), d.settings.mailFrom),
        });
        await d.mailer.deliver(raw, [email]);
        sent++;
      } catch (e) {
        logger.error('notifications.member-copy-failed', { subscriptionId: sub.id, kind, error: e as Error });
      }
    }
  }
  return { ok: true, sent };
}

/** ISO 8601 week of a moment in Norwegian time, e.g. 2026-W03: the digest's once-a-week key. */
export function isoWeek(at: Date): string {
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .split('-')
    .map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / DAY + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
