/**
 * Letters to companies: selection (who may tender), award (tildelingsbeslutning), withdrawal and cancellation.
 * Each is rendered from a stored decision, kept as an item with its whole RFC 5322 message, then delivered
 * (.eml locally, SES in AWS) and marked sent. A retry finds the item and delivers only what is unsent, so a
 * crash between steps leaves nothing half done (delivery is at least once).
 */
import { mailComposer } from '../notifications/mail-composer.js';
import { ulid } from 'ulid';
import { municipalityName } from '../../shared/domain/municipalities.js';
import { formatDeadline } from '../core/format.js';
import { logger } from '../core/logger.js';
import { now } from '../core/clock.js';
import type { CallRecord } from '../data/calls.js';
import { getOrganisations } from '../data/organisations.js';
import { listLetters, markLetterSent, putLetter, type AwardDecision, type LetterKind, type LetterRecord, type SelectionDecision } from '../data/award.js';
import { mailer } from '../notifications/mailer.js';
import { notificationSettings } from '../subscriptions/settings.js';
import { messageIdFor } from '../subscriptions/render-message.js';
import { event } from './record.js';

export const nok = (n: number) => `${new Intl.NumberFormat('nb-NO').format(n)} kr ekskl. mva.`;
const num = (n: number) => new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

export interface LetterDraft { orgNumber: string; companyName: string; subject: string; text: string }

const signature = (call: CallRecord) => [
  '',
  'Med vennlig hilsen',
  `${municipalityName(call.municipalityCode) ?? call.municipalityCode} kommune`,
  `Sendt gjennom Innovasjonstorget: ${notificationSettings().publicBaseUrl}/utlysninger/${call.id}`,
];

function scoreLines(d: AwardDecision, orgNumber: string): string[] {
  const item = d.snapshot.items.find((i) => i.orgNumber === orgNumber);
  if (!item) return [];
  return [
    ...d.snapshot.criteria.map((c) => `  – ${c.name} (vekt ${c.weight} %): poeng ${num(item.scores[c.id] ?? 0)} av 10, vektet ${num(item.weighted[c.id] ?? 0)}`),
    `  Sum: ${num(item.total)} av 100 (rangert som nr. ${item.rank})${item.priceNok !== undefined ? `, pris ${nok(item.priceNok)}` : ''}`,
  ];
}

/** One award letter per tenderer: the decision, reasons, the winners' scores and totals, its own, and the standstill. */
export function awardLetters(call: CallRecord, d: AwardDecision): LetterDraft[] {
  const winners = d.snapshot.items.filter((i) => d.winners.includes(i.orgNumber));
  return d.snapshot.items.map((item) => {
    const won = d.winners.includes(item.orgNumber);
    const text = [
      `Til ${item.name} (org.nr. ${item.orgNumber})`,
      '',
      `Tildelingsbeslutning: ${call.title}`,
      '',
      won
        ? `${municipalityName(call.municipalityCode) ?? call.municipalityCode} kommune har besluttet å tildele kontrakten til dere.`
        : `${municipalityName(call.municipalityCode) ?? call.municipalityCode} kommune har besluttet å tildele kontrakten til ${winners.map((w) => w.name).join(' og ')}. Tilbudet deres nådde ikke opp.`,
      '',
      'Begrunnelse:',
      d.reasons,
      '',
      ...winners.flatMap((w) => [`Poeng for valgte leverandør ${w.name}:`, ...scoreLines(d, w.orgNumber), '']),
      ...(won ? [] : ['Poeng for deres tilbud:', ...scoreLines(d, item.orgNumber), '']),
      `Karensperioden varer til ${formatDeadline(d.standstillEndsAt)}. Kontrakt inngås tidligst når den er over.`,
      'Dere kan be om en nærmere begrunnelse eller klage på beslutningen før karensperioden er over.',
      'Alle beløp er i norske kroner eksklusive merverdiavgift.',
      ...signature(call),
    ].join('\n');
    return { orgNumber: item.orgNumber, companyName: item.name, subject: `Tildelingsbeslutning: ${call.title}`, text };
  });
}

export function selectionLetters(call: CallRecord, s: SelectionDecision): LetterDraft[] {
  return s.requesters.map((r) => {
    const chosen = s.selected.includes(r.orgNumber);
    const text = [
      `Til ${r.name} (org.nr. ${r.orgNumber})`,
      '',
      `Utvelgelse: ${call.title}`,
      '',
      chosen
        ? `Dere er valgt ut til å levere tilbud. Fristen for tilbud er ${formatDeadline(s.tenderDeadline)}. Send tilbudet på Innovasjonstorget.`
        : 'Dere er ikke valgt ut til å levere tilbud i denne konkurransen.',
      '',
      'Begrunnelse:',
      s.reasons,
      '',
      ...(chosen ? [] : ['Dere kan be om en nærmere begrunnelse eller klage på beslutningen.']),
      ...signature(call),
    ].join('\n');
    return { orgNumber: r.orgNumber, companyName: r.name, subject: `${chosen ? 'Valgt ut' : 'Ikke valgt ut'}: ${call.title}`, text };
  });
}

export function withdrawalLetters(call: CallRecord, d: AwardDecision): LetterDraft[] {
  return d.snapshot.items.map((item) => ({
    orgNumber: item.orgNumber, companyName: item.name, subject: `Tildelingsbeslutning trukket tilbake: ${call.title}`,
    text: [
      `Til ${item.name} (org.nr. ${item.orgNumber})`, '',
      `Tildelingsbeslutningen av ${formatDeadline(d.decidedAt)} i «${call.title}» er trukket tilbake.`, '',
      'Begrunnelse:', d.withdrawReason ?? '', '',
      'Tilbudene evalueres på nytt, og alle tilbydere får en ny tildelingsbeslutning.',
      ...signature(call),
    ].join('\n'),
  }));
}

export function cancellationLetters(call: CallRecord, participants: { orgNumber: string; name: string }[], reason: string | undefined): LetterDraft[] {
  return participants.map((p) => ({
    orgNumber: p.orgNumber, companyName: p.name, subject: `Konkurransen er avlyst: ${call.title}`,
    text: [`Til ${p.name} (org.nr. ${p.orgNumber})`, '', `«${call.title}» er avlyst.`, ...(reason ? ['', 'Begrunnelse:', reason] : []), ...signature(call)].join('\n'),
  }));
}

/** A company's address: the contact e-mail on its profile, else a placeholder (the letter is always readable in the app). */
async function addresses(orgNumbers: string[]): Promise<Map<string, string>> {
  const orgs = await getOrganisations(orgNumbers);
  return new Map(orgNumbers.map((o) => [o, orgs.get(o)?.contactEmail ?? `post+${o}@innovasjonstorget.invalid`]));
}

/** The letter as stored: the draft, its address and the whole RFC 5322 message. */
export async function composeLetter(callId: string, decisionId: string, kind: LetterKind, d: LetterDraft, to: string, at: string): Promise<LetterRecord> {
  const settings = notificationSettings();
  const id = `${decisionId}-${d.orgNumber}`;
  const eml = await (await mailComposer({
    from: settings.mailFrom, to, subject: d.subject, text: d.text, date: new Date(at),
    messageId: messageIdFor(id, settings.mailFrom), textEncoding: 'quoted-printable',
    headers: { 'X-Innovasjonstorget-Letter': `${kind}; call=${callId}; org=${d.orgNumber}` },
  })).compile().build();
  return { id, callId, decisionId, kind, orgNumber: d.orgNumber, companyName: d.companyName, to, subject: d.subject, text: d.text, eml: eml.toString('utf8'), createdAt: at };
}

/** Stores one letter per draft (once per decision and company), then delivers every unsent letter of the decision. */
export async function sendLetters(call: CallRecord, decisionId: string, kind: LetterKind, drafts: LetterDraft[], at: string): Promise<void> {
  const to = await addresses(drafts.map((d) => d.orgNumber));
  for (const d of drafts) await putLetter(await composeLetter(call.id, decisionId, kind, d, to.get(d.orgNumber)!, at));
  await deliverPending(call.id);
}

/** Delivers every stored letter of a call not yet marked sent (also run on retries and later reads). */
export async function deliverPending(callId: string): Promise<void> {
  for (const letter of (await listLetters(callId)).filter((l) => !l.sentAt)) await deliver(letter);
}

async function deliver(letter: LetterRecord): Promise<void> {
  try {
    await mailer().deliver(Buffer.from(letter.eml, 'utf8'), [letter.to]);
  } catch (e) {
    logger.error('letter not delivered; it stays pending and is retried', { callId: letter.callId, letterId: letter.id, error: e as Error });
    return;
  }
  const sentAt = now().toISOString();
  await markLetterSent(letter, sentAt);
  await event(letter.callId, 'letter', letter.createdAt, undefined, { kind: letter.kind, orgNumber: letter.orgNumber, companyName: letter.companyName, to: letter.to, subject: letter.subject }, `letter-${letter.id}`);
}

export const newDecisionId = () => ulid();
