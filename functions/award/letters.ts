/**
 * Letters to companies: selection (who may tender), award (tildelingsbeslutning), withdrawal and cancellation.
 * Each is rendered from a stored decision, kept as an item with its whole RFC 5322 message, then delivered
 * (.eml locally, SES in AWS) and marked sent. A retry finds the item and delivers only what is unsent, so a
 * crash between steps leaves nothing half done (delivery is at least once).
 */
import { mailComposer } from '../notifications/mail-composer.js';
import { ulid } from 'ulid';
import { municipalityName } from '../../shared/domain/municipalities.js';
import { formatDeadline, formatNok } from '../core/format.js';
import type { Language } from '../../shared/domain/vocabulary.js';
import { answerKindNow, isCompetition } from '../../shared/domain/procedure.js';
import { answerWords } from '../../shared/domain/answer-words.js';
import { recipientLanguages } from '../notifications/recipient-language.js';
import { logger } from '../core/logger.js';
import { now } from '../core/clock.js';
import type { CallRecord } from '../data/calls.js';
import { getOrganisations } from '../data/organisations.js';
import { listLetters, markLetterSent, putLetter, type AwardDecision, type LetterKind, type LetterRecord, type SelectionDecision } from '../data/award.js';
import { mailer } from '../notifications/mailer.js';
import { notificationSettings } from '../subscriptions/settings.js';
import { messageIdFor } from '../subscriptions/render-message.js';
import { event } from './record.js';

/** Amounts in letters and the protocol: «500 000 kr ekskl. mva.» (functions/core/format.ts). */
export const nok = (n: number, lang: Language = 'nb') => formatNok(n, lang);
const num = (n: number, lang: Language) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

/**
 * A letter in bokmål, with its English text alongside: sendLetters sends each company the one its users chose
 * (functions/notifications/recipient-language.ts). The municipality's preview shows the bokmål text.
 */
export interface LetterDraft {
  orgNumber: string;
  companyName: string;
  subject: string;
  text: string;
  en?: { subject: string; text: string };
}

/** The letters' words in bokmål and English (terms: docs/glossary.md). */
const LETTER_TEXT = {
  nb: {
    to: (name: string, org: string) => `Til ${name} (org.nr. ${org})`,
    regards: 'Med vennlig hilsen',
    municipality: (name: string) => `${name} kommune`,
    sentThrough: 'Sendt gjennom Innovasjonstorget',
    weight: (name: string, weight: number, score: string, weighted: string) => `  – ${name} (vekt ${weight} %): poeng ${score} av 10, vektet ${weighted}`,
    total: (total: string, rank: number, price?: string) => `  Sum: ${total} av 100 (rangert som nr. ${rank})${price ? `, pris ${price}` : ''}`,
    awardSubject: (title: string) => `Tildelingsbeslutning: ${title}`,
    awardedYou: (who: string) => `${who} har besluttet å tildele kontrakten til dere.`,
    awardedOther: (who: string, winners: string) => `${who} har besluttet å tildele kontrakten til ${winners}. Tilbudet deres nådde ikke opp.`,
    and: ' og ',
    reasons: 'Begrunnelse:',
    winnerScores: (name: string) => `Poeng for valgte leverandør ${name}:`,
    yourScores: 'Poeng for deres tilbud:',
    standstill: (until: string) => `Karensperioden varer til ${until}. Kontrakt inngås tidligst når den er over.`,
    complain: 'Dere kan be om en nærmere begrunnelse eller klage på beslutningen før karensperioden er over.',
    exVat: 'Alle beløp er i norske kroner eksklusive merverdiavgift.',
    selectionHeading: (title: string) => `Utvelgelse: ${title}`,
    selected: (deadline: string) => `Dere er valgt ut til å levere tilbud. Tilbudsfristen er ${deadline}. Send tilbudet på Innovasjonstorget.`,
    notSelected: 'Dere er ikke valgt ut til å levere tilbud i denne konkurransen.',
    selectionComplain: 'Dere kan be om en nærmere begrunnelse eller klage på beslutningen.',
    selectionSubject: (chosen: boolean, title: string) => `${chosen ? 'Valgt ut' : 'Ikke valgt ut'}: ${title}`,
    withdrawnSubject: (title: string) => `Tildelingsbeslutning trukket tilbake: ${title}`,
    withdrawn: (decided: string, title: string) => `Tildelingsbeslutningen av ${decided} i «${title}» er trukket tilbake.`,
    reevaluated: 'Tilbudene evalueres på nytt, og alle tilbydere får en ny tildelingsbeslutning.',
    cancelledSubject: (competition: boolean, title: string) => `${competition ? 'Konkurransen' : 'Markedsdialogen'} er avlyst: ${title}`,
    cancelled: (title: string) => `«${title}» er avlyst.`,
    notEvaluated: (the: string) => `${the[0]!.toUpperCase()}${the.slice(1)} dere sendte, blir ikke evaluert.`,
  },
  en: {
    to: (name: string, org: string) => `To ${name} (organisation number ${org})`,
    regards: 'Yours sincerely',
    municipality: (name: string) => `${name} municipality`,
    sentThrough: 'Sent through Innovasjonstorget',
    weight: (name: string, weight: number, score: string, weighted: string) => `  – ${name} (weight ${weight} %): score ${score} of 10, weighted ${weighted}`,
    total: (total: string, rank: number, price?: string) => `  Total: ${total} of 100 (ranked no. ${rank})${price ? `, price ${price}` : ''}`,
    awardSubject: (title: string) => `Award decision: ${title}`,
    awardedYou: (who: string) => `${who} has decided to award the contract to you.`,
    awardedOther: (who: string, winners: string) => `${who} has decided to award the contract to ${winners}. Your tender was not successful.`,
    and: ' and ',
    reasons: 'Reasons:',
    winnerScores: (name: string) => `Scores of the chosen supplier ${name}:`,
    yourScores: 'Scores of your tender:',
    standstill: (until: string) => `The standstill period lasts until ${until}. The contract will be signed no earlier than when it is over.`,
    complain: 'You may ask for further reasons or complain about the decision before the standstill period is over.',
    exVat: 'All amounts are in Norwegian kroner excluding VAT.',
    selectionHeading: (title: string) => `Selection: ${title}`,
    selected: (deadline: string) => `You have been selected to submit a tender. The tender deadline is ${deadline}. Submit the tender on Innovasjonstorget.`,
    notSelected: 'You have not been selected to submit a tender in this competition.',
    selectionComplain: 'You may ask for further reasons or complain about the decision.',
    selectionSubject: (chosen: boolean, title: string) => `${chosen ? 'Selected' : 'Not selected'}: ${title}`,
    withdrawnSubject: (title: string) => `Award decision withdrawn: ${title}`,
    withdrawn: (decided: string, title: string) => `The award decision of ${decided} in «${title}» has been withdrawn.`,
    reevaluated: 'The tenders will be evaluated again, and every tenderer will receive a new award decision.',
    cancelledSubject: (competition: boolean, title: string) => `${competition ? 'Competition' : 'Market dialogue'} cancelled: ${title}`,
    cancelled: (title: string) => `«${title}» has been cancelled.`,
    notEvaluated: (the: string) => `${the[0]!.toUpperCase()}${the.slice(1)} you sent will not be evaluated.`,
  },
};
type Words = typeof LETTER_TEXT.nb;

/** Renders the drafts in bokmål and English and keeps the English beside each bokmål draft. */
function bilingual(render: (t: Words, lang: Language) => LetterDraft[]): LetterDraft[] {
  const en = render(LETTER_TEXT.en, 'en');
  return render(LETTER_TEXT.nb, 'nb').map((d, i) => ({ ...d, en: { subject: en[i]!.subject, text: en[i]!.text } }));
}

const buyer = (call: CallRecord, t: Words) => t.municipality(municipalityName(call.municipalityCode) ?? call.municipalityCode);

const signature = (call: CallRecord, t: Words) => [
  '',
  t.regards,
  buyer(call, t),
  `${t.sentThrough}: ${notificationSettings().publicBaseUrl}/utlysninger/${call.id}`,
];

function scoreLines(d: AwardDecision, orgNumber: string, t: Words, lang: Language): string[] {
  const item = d.snapshot.items.find((i) => i.orgNumber === orgNumber);
  if (!item) return [];
  return [
    ...d.snapshot.criteria.map((c) => t.weight(c.name, c.weight, num(item.scores[c.id] ?? 0, lang), num(item.weighted[c.id] ?? 0, lang))),
    t.total(num(item.total, lang), item.rank, item.priceNok !== undefined ? nok(item.priceNok, lang) : undefined),
  ];
}

/** A letter's paragraphs with a blank line between them (a paragraph is a line, or its lines). */
const paragraphs = (...ps: (string | readonly string[])[]): string[] => ps.flatMap((p, i) => [...(i ? [''] : []), ...(typeof p === 'string' ? [p] : p)]);

/** One award letter per tenderer: the decision, reasons, the winners' scores and totals, its own, and the standstill. */
export function awardLetters(call: CallRecord, d: AwardDecision): LetterDraft[] {
  const winners = d.snapshot.items.filter((i) => d.winners.includes(i.orgNumber));
  return bilingual((t, lang) =>
    d.snapshot.items.map((item) => {
      const won = d.winners.includes(item.orgNumber);
      const text = [
        ...paragraphs(
          t.to(item.name, item.orgNumber),
          t.awardSubject(call.title),
          won ? t.awardedYou(buyer(call, t)) : t.awardedOther(buyer(call, t), winners.map((w) => w.name).join(t.and)),
          [t.reasons, d.reasons],
        ),
        '',
        ...winners.flatMap((w) => [t.winnerScores(w.name), ...scoreLines(d, w.orgNumber, t, lang), '']),
        ...(won ? [] : [t.yourScores, ...scoreLines(d, item.orgNumber, t, lang), '']),
        t.standstill(formatDeadline(d.standstillEndsAt, lang)),
        t.complain,
        t.exVat,
        ...signature(call, t),
      ].join('\n');
      return { orgNumber: item.orgNumber, companyName: item.name, subject: t.awardSubject(call.title), text };
    }),
  );
}

export function selectionLetters(call: CallRecord, s: SelectionDecision): LetterDraft[] {
  return bilingual((t, lang) =>
    s.requesters.map((r) => {
      const chosen = s.selected.includes(r.orgNumber);
      const verdict = chosen ? t.selected(formatDeadline(s.tenderDeadline, lang)) : t.notSelected;
      const text = [
        ...paragraphs(t.to(r.name, r.orgNumber), t.selectionHeading(call.title), verdict, [t.reasons, s.reasons]),
        '',
        ...(chosen ? [] : [t.selectionComplain]),
        ...signature(call, t),
      ].join('\n');
      return { orgNumber: r.orgNumber, companyName: r.name, subject: t.selectionSubject(chosen, call.title), text };
    }),
  );
}

export function withdrawalLetters(call: CallRecord, d: AwardDecision): LetterDraft[] {
  return bilingual((t, lang) =>
    d.snapshot.items.map((item) => ({
      orgNumber: item.orgNumber,
      companyName: item.name,
      subject: t.withdrawnSubject(call.title),
      text: [
        ...paragraphs(t.to(item.name, item.orgNumber), t.withdrawn(formatDeadline(d.decidedAt, lang), call.title), [t.reasons, d.withdrawReason ?? '']),
        '',
        t.reevaluated,
        ...signature(call, t),
      ].join('\n'),
    })),
  );
}

export function cancellationLetters(call: CallRecord, participants: { orgNumber: string; name: string }[], reason: string | undefined): LetterDraft[] {
  return bilingual((t, lang) =>
    participants.map((p) => ({
      orgNumber: p.orgNumber,
      companyName: p.name,
      subject: t.cancelledSubject(isCompetition(call.procedure), call.title),
      text: [
        t.to(p.name, p.orgNumber),
        '',
        t.cancelled(call.title),
        ...(reason ? ['', t.reasons, reason] : []),
        '',
        t.notEvaluated(answerWords(answerKindNow(call.procedure), lang).the),
        ...signature(call, t),
      ].join('\n'),
    })),
  );
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
  const eml = await (
    await mailComposer({
      from: settings.mailFrom,
      to,
      subject: d.subject,
      text: d.text,
      date: new Date(at),
      messageId: messageIdFor(id, settings.mailFrom),
      textEncoding: 'quoted-printable',
      headers: { 'X-Innovasjonstorget-Letter': `${kind}; call=${callId}; org=${d.orgNumber}` },
    })
  )
    .compile()
    .build();
  return {
    id,
    callId,
    decisionId,
    kind,
    orgNumber: d.orgNumber,
    companyName: d.companyName,
    to,
    subject: d.subject,
    text: d.text,
    eml: eml.toString('utf8'),
    createdAt: at,
  };
}

/** Stores one letter per draft (once per decision and company), then delivers every unsent letter of the decision. */
export async function sendLetters(call: CallRecord, decisionId: string, kind: LetterKind, drafts: LetterDraft[], at: string): Promise<void> {
  const to = await addresses(drafts.map((d) => d.orgNumber));
  const languageOf = recipientLanguages();
  for (const d of drafts) {
    const address = to.get(d.orgNumber)!;
    const inLanguage = d.en && (await languageOf(d.orgNumber, address)) === 'en' ? { ...d, ...d.en } : d;
    await putLetter(await composeLetter(call.id, decisionId, kind, inLanguage, address, at));
  }
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
  await event(
    letter.callId,
    'letter',
    letter.createdAt,
    undefined,
    { kind: letter.kind, orgNumber: letter.orgNumber, companyName: letter.companyName, to: letter.to, subject: letter.subject },
    `letter-${letter.id}`,
  );
}

export const newDecisionId = () => ulid();
