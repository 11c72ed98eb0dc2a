import { mailComposer } from '../notifications/mail-composer.js';
import { ulid } from 'ulid';
import { municipalityName } from '../../shared/domain/municipalities.js';
import { now } from '../core/clock.js';
import { formatDeadline } from '../core/format.js';
import type { Language } from '../../shared/domain/vocabulary.js';
import { answerKindNow } from '../../shared/domain/procedure.js';
import { answerWords } from '../../shared/domain/answer-words.js';
import { recipientLanguages } from '../notifications/recipient-language.js';
import { describeChange } from './changed-fields.js';
import { logger } from '../core/logger.js';
import type { CallRecord } from '../data/calls.js';
import { listCallViewers } from '../data/associations.js';
import { claimStakeholderNotice, releaseStakeholderNotice } from '../data/notices.js';
import { getOrganisations } from '../data/organisations.js';
import { listProposalsForCall } from '../data/proposals.js';
import { listQuestions } from '../data/questions.js';
import { listSubscriptionsByFrequency } from '../data/subscriptions.js';
import { mailer } from '../notifications/mailer.js';
import { matchesFilters } from '../subscriptions/matches-filters.js';
import { messageIdFor } from '../subscriptions/render-message.js';
import { notificationSettings } from '../subscriptions/settings.js';

/**
 * Everyone with a stake in a call is told, once per event, when the call is corrected, a question is answered
 * or the call is cancelled: companies that submitted a proposal, asked a question or opened the call while
 * signed in (their contact e-mail from the company profile), and saved searches that match the call. One
 * message per recipient (locally one .eml each in the outbox, in AWS through SES), claimed per (event,
 * recipient) first, so a retried event never sends twice. Answers never say who asked.
 */
export type StakeholderEvent =
  | { kind: 'correction'; id: string; call: CallRecord; note: string; fields: { name: string; before?: unknown; after?: unknown }[] }
  | { kind: 'answer'; id: string; call: CallRecord; question: string; answer: string; corrected: boolean }
  | { kind: 'cancellation'; id: string; call: CallRecord; reason: string };

export type StakeReason = 'proposal' | 'question' | 'viewer' | 'subscription';
const STRENGTH: Record<StakeReason, number> = { proposal: 4, question: 3, viewer: 2, subscription: 1 };

export interface Stake {
  reason: StakeReason;
  /** The organisation the address belongs to (its users' language is the message's). */
  orgId: string;
}

/** Who has a stake in a call, by e-mail, each with the strongest reason they have. */
export async function stakeholdersOf(call: CallRecord): Promise<Map<string, Stake>> {
  const [proposals, questions, viewers, immediate, weekly] = await Promise.all([
    listProposalsForCall(call.id),
    listQuestions(call.id),
    listCallViewers(call.id),
    listSubscriptionsByFrequency('immediate'),
    listSubscriptionsByFrequency('weekly'),
  ]);
  const byOrg = new Map<string, StakeReason>();
  const note = (org: string, reason: StakeReason) => {
    const had = byOrg.get(org);
    if (!had || STRENGTH[reason] > STRENGTH[had]) byOrg.set(org, reason);
  };
  for (const p of proposals) note(p.orgNumber, 'proposal');
  for (const q of questions) if (q.askedBy) note(q.askedBy.orgNumber, 'question');
  for (const v of viewers) note(v.orgNumber, 'viewer');

  const out = new Map<string, Stake>();
  const add = (email: string | undefined, reason: StakeReason, orgId: string) => {
    const e = email?.trim().toLowerCase();
    if (!e || !e.includes('@')) return;
    const had = out.get(e);
    if (!had || STRENGTH[reason] > STRENGTH[had.reason]) out.set(e, { reason, orgId });
  };
  const orgs = await getOrganisations([...byOrg.keys()]);
  for (const [org, reason] of byOrg) add(orgs.get(org)?.contactEmail, reason, org);
  for (const s of [...immediate, ...weekly]) if (matchesFilters(s.filters, call)) add(s.email, 'subscription', s.orgId);
  return out;
}

export async function notifyStakeholders(event: StakeholderEvent): Promise<{ sent: number }> {
  const recipients = await stakeholdersOf(event.call);
  const settings = notificationSettings();
  const languageOf = recipientLanguages();
  let sent = 0;
  for (const [email, { reason, orgId }] of recipients) {
    // Companies that answered get the formal cancellation letter (award/letters.ts) instead of a notice.
    if (event.kind === 'cancellation' && reason === 'proposal') continue;
    const at = now();
    if (!(await claimStakeholderNotice(event.id, email, at.toISOString()))) continue;
    try {
      const { subject, text } = renderStakeholderNotice(event, reason, settings.publicBaseUrl, await languageOf(orgId, email));
      const raw = await (
        await mailComposer({
          from: settings.mailFrom,
          to: email,
          subject,
          text,
          date: at,
          messageId: messageIdFor(ulid(), settings.mailFrom),
          headers: { 'X-Innovasjonstorget-Event': event.id },
          textEncoding: 'quoted-printable',
        })
      )
        .compile()
        .build();
      await mailer().deliver(raw, [email]);
      sent++;
    } catch (e) {
      await releaseStakeholderNotice(event.id, email);
      throw e;
    }
  }
  return { sent };
}

/** Use cases call this after their write: a failed notice is logged, never turns a done change into an error. */
export async function notifyStakeholdersSafely(event: StakeholderEvent): Promise<void> {
  try {
    await notifyStakeholders(event);
  } catch (e) {
    logger.error('stakeholder notice failed', { event: event.id, error: e as Error });
  }
}

type Words = typeof NOTICE_TEXT.nb;

/** The notices' words in bokmål and English; the noun for what a company sent follows the procedure. */
const NOTICE_TEXT = {
  nb: {
    hello: 'Hei!',
    why: (reason: StakeReason, a: string) =>
      ({
        proposal: `Du får denne e-posten fordi bedriften din har sendt ${a} til utlysningen.`,
        question: 'Du får denne e-posten fordi bedriften din har stilt et spørsmål til utlysningen.',
        viewer: 'Du får denne e-posten fordi bedriften din har åpnet utlysningen på Innovasjonstorget.',
        subscription: 'Du får denne e-posten fordi utlysningen passer et lagret søk du abonnerer på.',
      })[reason],
    municipality: (name: string) => `${name} kommune`,
    correctionSubject: (title: string) => `Rettelse i utlysningen «${title}»`,
    corrected: (who: string, title: string) => `${who} har rettet utlysningen «${title}».`,
    reason: 'Begrunnelse',
    changed: 'Hva som er endret:',
    afterCorrection: (a: string, the: string) =>
      `Bedriften din har sendt ${a}. Se over om ${the} må oppdateres etter rettelsen; du kan endre det fram til fristen.`,
    answerSubject: (corrected: boolean, title: string) => `${corrected ? 'Rettet svar' : 'Nytt svar'} på spørsmål om «${title}»`,
    answered: (who: string, corrected: boolean, title: string) =>
      `${who} har ${corrected ? 'rettet et svar' : 'svart på et spørsmål'} om utlysningen «${title}». Alle bedrifter får det samme svaret samtidig.`,
    question: 'Spørsmål:',
    answer: 'Svar:',
    afterAnswer: (a: string, the: string) => `Bedriften din har sendt ${a}. Se over om svaret betyr at ${the} må oppdateres.`,
    cancelSubject: (title: string) => `Avlyst: «${title}»`,
    cancelled: (who: string, title: string) => `${who} har avlyst utlysningen «${title}».`,
    notEvaluated: (the: string) => `${the[0]!.toUpperCase()}${the.slice(1)} bedriften din sendte, blir ikke evaluert.`,
  },
  en: {
    hello: 'Hello,',
    why: (reason: StakeReason, a: string) =>
      ({
        proposal: `You are receiving this e-mail because your company sent ${a} to the call.`,
        question: 'You are receiving this e-mail because your company asked a question about the call.',
        viewer: 'You are receiving this e-mail because your company opened the call on Innovasjonstorget.',
        subscription: 'You are receiving this e-mail because the call matches a saved search you subscribe to.',
      })[reason],
    municipality: (name: string) => `${name} municipality`,
    correctionSubject: (title: string) => `Correction to the call «${title}»`,
    corrected: (who: string, title: string) => `${who} has corrected the call «${title}».`,
    reason: 'Reason',
    changed: 'What has changed:',
    afterCorrection: (a: string, the: string) =>
      `Your company has sent ${a}. Check whether ${the} needs updating after the correction; you can change it until the deadline.`,
    answerSubject: (corrected: boolean, title: string) => `${corrected ? 'Corrected answer' : 'New answer'} to a question about «${title}»`,
    answered: (who: string, corrected: boolean, title: string) =>
      `${who} has ${corrected ? 'corrected an answer' : 'answered a question'} about the call «${title}». Every company gets the same answer at the same time.`,
    question: 'Question:',
    answer: 'Answer:',
    afterAnswer: (a: string, the: string) => `Your company has sent ${a}. Check whether the answer means ${the} needs updating.`,
    cancelSubject: (title: string) => `Cancelled: «${title}»`,
    cancelled: (who: string, title: string) => `${who} has cancelled the call «${title}».`,
    notEvaluated: (the: string) => `${the[0]!.toUpperCase()}${the.slice(1)} your company sent will not be evaluated.`,
  },
};

/** Subject and plain text, in the recipient's language (bokmål unless they chose English). */
export function renderStakeholderNotice(event: StakeholderEvent, reason: StakeReason, base: string, lang: Language = 'nb'): { subject: string; text: string } {
  const call = event.call;
  const t: Words = NOTICE_TEXT[lang];
  const words = answerWords(answerKindNow(call.procedure), lang);
  const url = `${base}/utlysninger/${encodeURIComponent(call.id)}`;
  const who = t.municipality(municipalityName(call.municipalityCode) ?? call.municipalityCode);
  const lines: string[] = [t.hello, ''];
  let subject: string;
  if (event.kind === 'correction') {
    subject = t.correctionSubject(call.title);
    lines.push(t.corrected(who, call.title), '', `${t.reason}: ${event.note}`, '');
    if (event.fields.length) {
      lines.push(t.changed);
      for (const f of event.fields) lines.push(`• ${describeChange(f, call.procedure, lang)}`);
      lines.push('');
    }
    lines.push(`${words.deadline}: ${formatDeadline(call.deadline, lang)}`, '');
    if (reason === 'proposal') lines.push(t.afterCorrection(words.a, words.the), '');
  } else if (event.kind === 'answer') {
    subject = t.answerSubject(event.corrected, call.title);
    lines.push(t.answered(who, event.corrected, call.title), '', t.question, event.question, '', t.answer, event.answer, '');
    if (reason === 'proposal') lines.push(t.afterAnswer(words.a, words.the), '');
  } else {
    subject = t.cancelSubject(call.title);
    lines.push(t.cancelled(who, call.title), '', `${t.reason}: ${event.reason}`, '');
    if (reason === 'proposal') lines.push(t.notEvaluated(words.the), '');
  }
  lines.push(url, '', t.why(reason, words.a), '', '-- ', 'Innovasjonstorget – Digital bærekraft Østfold', base, '');
  return { subject, text: lines.join('\n') };
}
