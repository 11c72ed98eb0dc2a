import { mailComposer } from '../notifications/mail-composer.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import type { NotificationSettings } from './settings.js';
import { formatDeadline } from '../core/format.js';
import { htmlText } from '../../shared/domain/format-text.js';
import type { Language, Procedure } from '../../shared/domain/vocabulary.js';
import { answerKindNow } from '../../shared/domain/procedure.js';
import { answerWords } from '../../shared/domain/answer-words.js';

/** What a message shows of a call. */
export interface MessageCall {
  id: string;
  title: string;
  municipalityCode: string;
  deadline: string;
  /** Names the deadline («Frist for innspill», «Tilbudsfrist»); without it, just «Frist». */
  procedure?: Procedure;
}

export interface MessageInput {
  kind: 'notice' | 'digest';
  subscriptionName: string;
  calls: MessageCall[];
  to: string;
  /**
   * The subscriber's own copy carries the signed token: List-Unsubscribe (RFC 8058 one-click) and a link to the
   * /avmeld page. A member company's copy of an association's search has none, because the link would remove
   * the association's subscription; it names the association instead.
   */
  unsubscribeToken?: string;
  onBehalfOf?: string;
  messageId: string;
  date: Date;
  settings: NotificationSettings;
  /** The recipient's language (functions/notifications/recipient-language.ts); bokmål when absent. */
  lang?: Language;
}

/** The alerts' words in bokmål and English (terms: docs/glossary.md). */
const ALERT_TEXT = {
  nb: {
    hello: 'Hei!',
    noticeSubject: (title: string) => `Ny utlysning: ${title}`,
    digestSubject: (n: number, name: string) => `Ukens utlysninger: ${n} ${n === 1 ? 'ny' : 'nye'} som passer «${name}»`,
    noticeIntro: (name: string) => `En ny utlysning passer det lagrede søket «${name}»:`,
    digestIntro: (n: number, name: string) =>
      `${n === 1 ? 'Denne utlysningen' : `Disse ${n} utlysningene`} ble publisert den siste uken og passer det lagrede søket «${name}»:`,
    whyMember: (association: string) =>
      `Du får denne e-posten fordi ${association} har et lagret søk for medlemmene sine på Innovasjonstorget. Kontakt foreningen for å slutte å få disse e-postene.`,
    why: 'Du får denne e-posten fordi du abonnerer på et lagret søk på Innovasjonstorget.',
    stop: 'Stopp disse e-postvarslene',
    municipality: 'Kommune',
    deadline: 'Frist',
  },
  en: {
    hello: 'Hello,',
    noticeSubject: (title: string) => `New call: ${title}`,
    digestSubject: (n: number, name: string) => `This week's calls: ${n} new matching «${name}»`,
    noticeIntro: (name: string) => `A new call matches the saved search «${name}»:`,
    digestIntro: (n: number, name: string) =>
      `${n === 1 ? 'This call was' : `These ${n} calls were`} published in the last week and match the saved search «${name}»:`,
    whyMember: (association: string) =>
      `You are receiving this e-mail because ${association} has a saved search for its members on Innovasjonstorget. Contact the association to stop receiving these e-mails.`,
    why: 'You are receiving this e-mail because you subscribe to a saved search on Innovasjonstorget.',
    stop: 'Stop these e-mail alerts',
    municipality: 'Municipality',
    deadline: 'Deadline',
  },
};

export { formatDeadline };

export function subjectOf(input: Pick<MessageInput, 'kind' | 'subscriptionName' | 'calls' | 'lang'>): string {
  const t = ALERT_TEXT[input.lang ?? 'nb'];
  if (input.kind === 'notice') return t.noticeSubject(input.calls[0]?.title ?? input.subscriptionName);
  return t.digestSubject(input.calls.length, input.subscriptionName);
}

export function unsubscribeUrls(settings: NotificationSettings, token: string) {
  const t = encodeURIComponent(token);
  return { oneClick: `${settings.publicBaseUrl}/api/unsubscribe?token=${t}`, page: `${settings.publicBaseUrl}/avmeld?token=${t}` };
}

/** Subject, plain text and HTML of one notice or digest, in the recipient's language. */
export function renderMessage(input: MessageInput): { subject: string; text: string; html: string } {
  const lang = input.lang ?? 'nb';
  const t = ALERT_TEXT[lang];
  const base = input.settings.publicBaseUrl;
  const items = input.calls.map((c) => ({
    title: c.title,
    municipality: municipalityName(c.municipalityCode) ?? c.municipalityCode,
    deadlineLabel: c.procedure ? answerWords(answerKindNow(c.procedure), lang).deadline : t.deadline,
    deadline: formatDeadline(c.deadline, lang),
    url: `${base}/utlysninger/${encodeURIComponent(c.id)}`,
  }));
  const intro = input.kind === 'notice' ? t.noticeIntro(input.subscriptionName) : t.digestIntro(items.length, input.subscriptionName);
  const why = input.onBehalfOf ? t.whyMember(input.onBehalfOf) : t.why;
  const unsubscribe = input.unsubscribeToken ? unsubscribeUrls(input.settings, input.unsubscribeToken).page : undefined;

  const text = [
    t.hello,
    '',
    intro,
    '',
    ...items.flatMap((i) => [`• ${i.title}`, `  ${t.municipality}: ${i.municipality}`, `  ${i.deadlineLabel}: ${i.deadline}`, `  ${i.url}`, '']),
    why,
    ...(unsubscribe ? [`${t.stop}: ${unsubscribe}`] : []),
    '',
    '-- ',
    'Innovasjonstorget – Digital bærekraft Østfold',
    base,
    '',
  ].join('\n');

  const li = items
    .map(
      (i) =>
        `<li style="margin-bottom:1em"><a href="${htmlText(i.url)}"><strong>${htmlText(i.title)}</strong></a><br>` +
        `${t.municipality}: ${htmlText(i.municipality)}<br>${htmlText(i.deadlineLabel)}: ${htmlText(i.deadline)}</li>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${htmlText(subjectOf(input))}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.4;color:#1a1a1a">
<p>${htmlText(t.hello)}</p>
<p>${htmlText(intro)}</p>
<ul style="padding-left:1.2em">
${li}
</ul>
<p style="font-size:0.9em;color:#444">${htmlText(why)}${unsubscribe ? ` <a href="${htmlText(unsubscribe)}">${t.stop}</a>.` : ''}</p>
<p style="font-size:0.9em;color:#444">Innovasjonstorget – Digital bærekraft Østfold</p>
</body>
</html>
`;
  return { subject: subjectOf(input), text, html };
}

/**
 * The whole RFC 5322 message: multipart/alternative (text/plain + text/html, UTF-8), encoded-word Subject,
 * Date, Message-ID and, on the subscriber's copy, List-Unsubscribe + List-Unsubscribe-Post (RFC 8058).
 */
export async function buildMessage(input: MessageInput): Promise<Buffer> {
  const { subject, text, html } = renderMessage(input);
  const headers: Record<string, string> = {};
  if (input.unsubscribeToken) {
    headers['List-Unsubscribe'] = `<${unsubscribeUrls(input.settings, input.unsubscribeToken).oneClick}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  const composer = await mailComposer({
    from: input.settings.mailFrom,
    to: input.to,
    subject,
    text,
    html,
    date: input.date,
    messageId: input.messageId,
    headers,
    textEncoding: 'quoted-printable',
  });
  return composer.compile().build();
}

/** `<id@domain>` with the domain of the From address. */
export function messageIdFor(id: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'innovasjonstorget.no';
  return `<${id}@${domain}>`;
}
