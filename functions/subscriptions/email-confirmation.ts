import { ulid } from 'ulid';
import { mailComposer } from '../notifications/mail-composer.js';
import { badRequest } from '../core/errors.js';
import { audit, logger } from '../core/logger.js';
import { now } from '../core/clock.js';
import { openToken, sealToken } from '../core/signed-token.js';
import { getOrganisation } from '../data/organisations.js';
import {
  claimConfirmationSend,
  confirmAddress,
  getEmailAddress,
  listUnsentConfirmations,
  releaseConfirmationSend,
  type EmailAddressRecord,
} from '../data/email-addresses.js';
import type { Mailer } from '../notifications/mailer.js';
import { recipientLanguages } from '../notifications/recipient-language.js';
import type { Language } from '../../shared/domain/vocabulary.js';
import { messageIdFor } from './render-message.js';
import type { NotificationSettings } from './settings.js';

/**
 * Confirmed e-mail only: a saved search may name any address, but nothing but one confirmation message goes
 * there until someone clicks its signed link. A confirmed address is remembered per organisation, so the
 * next saved search to it needs no new confirmation.
 */
const PURPOSE = 'email-confirm:v1';
const LINK_VALID_MS = 7 * 86_400_000;

export function confirmationToken(orgId: string, address: string, at: Date): string {
  return sealToken(PURPOSE, { o: orgId, e: address, x: at.getTime() + LINK_VALID_MS });
}

export async function isConfirmed(orgId: string, address: string): Promise<boolean> {
  return (await getEmailAddress(orgId, address))?.status === 'confirmed';
}

/** The click on the link (POST /api/email-confirmations?token=). Idempotent. */
export async function confirmEmail(token: string): Promise<{ confirmed: true; email: string }> {
  const { o, e, x } = (openToken(PURPOSE, token) ?? {}) as { o?: unknown; e?: unknown; x?: unknown };
  if (typeof o !== 'string' || typeof e !== 'string' || typeof x !== 'number') {
    throw badRequest('This confirmation link is not one we sent.', [{ path: 'token', message: 'Invalid or tampered token' }]);
  }
  if (x < now().getTime()) {
    throw badRequest('This confirmation link has expired; save the search again to get a new one.', [{ path: 'token', message: 'Expired' }]);
  }
  await confirmAddress(o, e, now().toISOString());
  audit('email.confirmed', { orgId: o });
  return { confirmed: true, email: e };
}

export function confirmationUrl(settings: NotificationSettings, token: string): string {
  return `${settings.publicBaseUrl}/api/email-confirmations?token=${encodeURIComponent(token)}`;
}

/** The confirmation message's words in bokmål and English. */
const CONFIRM_TEXT = {
  nb: {
    subject: 'Bekreft e-postadressen for varsler fra Innovasjonstorget',
    text: (orgName: string, url: string) =>
      `Hei!\n\n${orgName} vil sende varsler om nye utlysninger fra Innovasjonstorget til denne adressen.\n\n` +
      `Bekreft adressen her (lenken virker i 7 dager):\n${url}\n\nHvis du ikke kjenner til dette, kan du se bort fra e-posten. ` +
      `Da får du ingen flere e-poster fra oss.\n`,
  },
  en: {
    subject: 'Confirm the e-mail address for alerts from Innovasjonstorget',
    text: (orgName: string, url: string) =>
      `Hello,\n\n${orgName} wants to send alerts about new calls from Innovasjonstorget to this address.\n\n` +
      `Confirm the address here (the link works for 7 days):\n${url}\n\nIf you do not know about this, you can ignore this e-mail. ` +
      `You will then get no more e-mails from us.\n`,
  },
};

async function confirmationMessage(settings: NotificationSettings, r: EmailAddressRecord, orgName: string, at: Date, lang: Language): Promise<Buffer> {
  const url = confirmationUrl(settings, confirmationToken(r.orgId, r.address, at));
  const words = CONFIRM_TEXT[lang];
  const composer = await mailComposer({
    from: settings.mailFrom,
    to: r.address,
    subject: words.subject,
    text: words.text(orgName, url),
    date: at,
    messageId: messageIdFor(ulid(), settings.mailFrom),
    textEncoding: 'quoted-printable',
  });
  return composer.compile().build();
}

/** The job's first step: one confirmation message per pending address, exactly once. */
export async function sendConfirmations(mailer: Mailer, settings: NotificationSettings, at: Date): Promise<number> {
  const languageOf = recipientLanguages();
  let sent = 0;
  for (const r of await listUnsentConfirmations()) {
    if (!(await claimConfirmationSend(r.orgId, r.address, at.toISOString()))) continue;
    try {
      const org = await getOrganisation(r.orgId);
      await mailer.deliver(await confirmationMessage(settings, r, org?.name ?? r.orgId, at, await languageOf(r.orgId, r.address)), [r.address]);
      sent++;
    } catch (e) {
      logger.error('email.confirmation-failed', { orgId: r.orgId, error: e as Error });
      await releaseConfirmationSend(r.orgId, r.address);
    }
  }
  return sent;
}
