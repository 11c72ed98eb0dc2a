import { mailComposer } from '../notifications/mail-composer.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import type { NotificationSettings } from './settings.js';
import { formatDeadline } from '../core/format.js';
import { htmlText } from '../../shared/domain/format-text.js';

/** What a message shows of a call. */
export interface MessageCall {
  id: string;
  title: string;
  municipalityCode: string;
  deadline: string;
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
}

export { formatDeadline };


export function subjectOf(input: Pick<MessageInput, 'kind' | 'subscriptionName' | 'calls'>): string {
  if (input.kind === 'notice') return `Ny utlysning: ${input.calls[0]?.title ?? input.subscriptionName}`;
  const n = input.calls.length;
  return `Ukens utlysninger: ${n} ${n === 1 ? 'ny' : 'nye'} som passer «${input.subscriptionName}»`;
}

export function unsubscribeUrls(settings: NotificationSettings, token: string) {
  const t = encodeURIComponent(token);
  return { oneClick: `${settings.publicBaseUrl}/api/unsubscribe?token=${t}`, page: `${settings.publicBaseUrl}/avmeld?token=${t}` };
}

/** Subject, plain text and HTML of one notice or digest, in bokmål. */
export function renderMessage(input: MessageInput): { subject: string; text: string; html: string } {
  const base = input.settings.publicBaseUrl;
  const items = input.calls.map((c) => ({
    title: c.title,
    municipality: municipalityName(c.municipalityCode) ?? c.municipalityCode,
    deadline: formatDeadline(c.deadline),
    url: `${base}/utlysninger/${encodeURIComponent(c.id)}`,
  }));
  const intro =
    input.kind === 'notice'
      ? `En ny utlysning passer det lagrede søket «${input.subscriptionName}»:`
      : `${items.length === 1 ? 'Denne utlysningen' : `Disse ${items.length} utlysningene`} ble publisert den siste uken og passer det lagrede søket «${input.subscriptionName}»:`;
  const why = input.onBehalfOf
    ? `Du får denne e-posten fordi ${input.onBehalfOf} har et lagret søk for medlemmene sine på Innovasjonstorget. Kontakt foreningen for å slutte å få disse e-postene.`
    : 'Du får denne e-posten fordi du abonnerer på et lagret søk på Innovasjonstorget.';
  const unsubscribe = input.unsubscribeToken ? unsubscribeUrls(input.settings, input.unsubscribeToken).page : undefined;

  const text = [
    'Hei!',
    '',
    intro,
    '',
    ...items.flatMap((i) => [`• ${i.title}`, `  Kommune: ${i.municipality}`, `  Frist: ${i.deadline}`, `  ${i.url}`, '']),
    why,
    ...(unsubscribe ? [`Meld deg av: ${unsubscribe}`] : []),
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
        `Kommune: ${htmlText(i.municipality)}<br>Frist: ${htmlText(i.deadline)}</li>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><title>${htmlText(subjectOf(input))}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.4;color:#1a1a1a">
<p>Hei!</p>
<p>${htmlText(intro)}</p>
<ul style="padding-left:1.2em">
${li}
</ul>
<p style="font-size:0.9em;color:#444">${htmlText(why)}${
    unsubscribe ? ` <a href="${htmlText(unsubscribe)}">Meld deg av</a>.` : ''
  }</p>
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
