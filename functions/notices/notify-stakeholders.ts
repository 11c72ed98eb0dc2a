import { mailComposer } from '../notifications/mail-composer.js';
import { ulid } from 'ulid';
import { municipalityName } from '../../shared/domain/municipalities.js';
import { now } from '../core/clock.js';
import { formatDeadline } from '../core/format.js';
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

/** Who has a stake in a call, by e-mail, each with the strongest reason they have. */
export async function stakeholdersOf(call: CallRecord): Promise<Map<string, StakeReason>> {
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

  const out = new Map<string, StakeReason>();
  const add = (email: string | undefined, reason: StakeReason) => {
    const e = email?.trim().toLowerCase();
    if (!e || !e.includes('@')) return;
    const had = out.get(e);
    if (!had || STRENGTH[reason] > STRENGTH[had]) out.set(e, reason);
  };
  const orgs = await getOrganisations([...byOrg.keys()]);
  for (const [org, reason] of byOrg) add(orgs.get(org)?.contactEmail, reason);
  for (const s of [...immediate, ...weekly]) if (matchesFilters(s.filters, call)) add(s.email, 'subscription');
  return out;
}

export async function notifyStakeholders(event: StakeholderEvent): Promise<{ sent: number }> {
  const recipients = await stakeholdersOf(event.call);
  const settings = notificationSettings();
  let sent = 0;
  for (const [email, reason] of recipients) {
    // Companies that answered get the formal cancellation letter (award/letters.ts) instead of a notice.
    if (event.kind === 'cancellation' && reason === 'proposal') continue;
    const at = now();
    if (!(await claimStakeholderNotice(event.id, email, at.toISOString()))) continue;
    try {
      const { subject, text } = renderStakeholderNotice(event, reason, settings.publicBaseUrl);
      const raw = await (await mailComposer({
        from: settings.mailFrom,
        to: email,
        subject,
        text,
        date: at,
        messageId: messageIdFor(ulid(), settings.mailFrom),
        headers: { 'X-Innovasjonstorget-Event': event.id },
        textEncoding: 'quoted-printable',
      }))
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

const WHY: Record<StakeReason, string> = {
  proposal: 'Du får denne e-posten fordi bedriften din har levert et tilbud på utlysningen.',
  question: 'Du får denne e-posten fordi bedriften din har stilt et spørsmål til utlysningen.',
  viewer: 'Du får denne e-posten fordi bedriften din har åpnet utlysningen på Innovasjonstorget.',
  subscription: 'Du får denne e-posten fordi utlysningen passer et lagret søk du abonnerer på.',
};

const show = (v: unknown): string =>
  v === undefined || v === null ? '–' : typeof v === 'string' ? (/^\d{4}-\d\d-\d\dT/.test(v) ? formatDeadline(v) : v) : JSON.stringify(v);

/** Subject and plain text, in bokmål. */
export function renderStakeholderNotice(event: StakeholderEvent, reason: StakeReason, base: string): { subject: string; text: string } {
  const call = event.call;
  const url = `${base}/utlysninger/${encodeURIComponent(call.id)}`;
  const municipality = municipalityName(call.municipalityCode) ?? call.municipalityCode;
  const lines: string[] = ['Hei!', ''];
  let subject: string;
  if (event.kind === 'correction') {
    subject = `Rettelse i utlysningen «${call.title}»`;
    lines.push(`${municipality} kommune har rettet utlysningen «${call.title}».`, '', `Begrunnelse: ${event.note}`, '');
    if (event.fields.length) {
      lines.push('Hva som er endret:');
      for (const f of event.fields) lines.push(`• ${f.name}: ${show(f.before)} → ${show(f.after)}`);
      lines.push('');
    }
    lines.push(`Frist for tilbud: ${formatDeadline(call.deadline)}`, '');
    if (reason === 'proposal') lines.push('Bedriften din har levert et tilbud. Se over om tilbudet må oppdateres etter rettelsen; du kan endre det fram til fristen.', '');
  } else if (event.kind === 'answer') {
    subject = `${event.corrected ? 'Rettet svar' : 'Nytt svar'} på spørsmål om «${call.title}»`;
    lines.push(
      `${municipality} kommune har ${event.corrected ? 'rettet et svar' : 'svart på et spørsmål'} om utlysningen «${call.title}». Alle leverandører får det samme svaret samtidig.`,
      '',
      'Spørsmål:',
      event.question,
      '',
      'Svar:',
      event.answer,
      '',
    );
    if (reason === 'proposal') lines.push('Bedriften din har levert et tilbud. Se over om svaret betyr at tilbudet må oppdateres.', '');
  } else {
    subject = `Avlyst: «${call.title}»`;
    lines.push(`${municipality} kommune har avlyst utlysningen «${call.title}».`, '', `Begrunnelse: ${event.reason}`, '');
    if (reason === 'proposal') lines.push('Tilbudet bedriften din leverte, blir ikke evaluert.', '');
  }
  lines.push(url, '', WHY[reason], '', '-- ', 'Innovasjonstorget – Digital bærekraft Østfold', base, '');
  return { subject, text: lines.join('\n') };
}
