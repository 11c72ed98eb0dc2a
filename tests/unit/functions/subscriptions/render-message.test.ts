import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMessage, formatDeadline, messageIdFor, renderMessage, type MessageInput } from '../../../../functions/subscriptions/render-message.js';
import { isoWeek } from '../../../../functions/subscriptions/run-notifications.js';

const settings = { mailFrom: 'Innovasjonstorget <varsel@innovasjonstorget.no>', publicBaseUrl: 'https://innovasjonstorget.no' };
const input = (overrides: Partial<MessageInput> = {}): MessageInput => ({
  kind: 'notice',
  subscriptionName: 'Søppel & avfall',
  calls: [{ id: '01JCALL', title: 'Bærekraftig tømming på Øra <pilot>', municipalityCode: '3107', deadline: '2026-03-12T11:00:00.000Z' }],
  to: 'anbud@bedrift.example',
  unsubscribeToken: 'abc.def',
  messageId: '<01JMSG@innovasjonstorget.no>',
  date: new Date('2026-03-01T08:00:00.000Z'),
  settings,
  ...overrides,
});

describe('renderMessage', () => {
  it('formats deadlines in bokmål, Norwegian time (winter and summer)', () => {
    expect(formatDeadline('2026-03-12T11:00:00.000Z')).toBe('12. mars 2026 kl. 12:00');
    expect(formatDeadline('2026-06-12T10:00:00.000Z')).toBe('12. juni 2026 kl. 12:00');
  });

  it('lists the call with municipality name, deadline and link, and escapes HTML', () => {
    const { subject, text, html } = renderMessage(input());
    expect(subject).toBe('Ny utlysning: Bærekraftig tømming på Øra <pilot>');
    expect(text).toContain(
      '• Bærekraftig tømming på Øra <pilot>\n  Kommune: Fredrikstad\n  Frist: 12. mars 2026 kl. 12:00\n  https://innovasjonstorget.no/utlysninger/01JCALL',
    );
    expect(text).toContain('Stopp disse e-postvarslene: https://innovasjonstorget.no/avmeld?token=abc.def');
    expect(html).toContain('Bærekraftig tømming på Øra &lt;pilot&gt;');
    expect(html).toContain('«Søppel &amp; avfall»');
    expect(html).not.toContain('<pilot>');
  });

  it('names the deadline by procedure and writes English to a recipient who chose it', () => {
    const call = { ...input().calls[0]!, procedure: 'market-dialogue' as const };
    expect(renderMessage(input({ calls: [call] })).text).toContain('  Frist for innspill: 12. mars 2026 kl. 12:00\n');
    expect(renderMessage(input({ calls: [{ ...call, procedure: 'innovation-partnership' }] })).text).toContain('  Frist for forespørsel om å delta: 12. mars');
    expect(renderMessage(input({ calls: [{ ...call, procedure: 'pre-commercial' }] })).text).toContain('  Tilbudsfrist: 12. mars');
    const en = renderMessage(input({ calls: [call], lang: 'en' }));
    expect(en.subject).toBe('New call: Bærekraftig tømming på Øra <pilot>');
    expect(en.text).toContain('A new call matches the saved search «Søppel & avfall»:');
    expect(en.text).toContain('  Municipality: Fredrikstad\n  Deadline for input: 12 March 2026 at 12:00 (Norwegian time)\n');
    expect(en.text).toContain('Stop these e-mail alerts: https://innovasjonstorget.no/avmeld?token=abc.def');
    expect(en.html).toContain('<html lang="en">');
    expect(en.text).not.toMatch(/Hei|Frist|Kommune/);
  });

  it('names a digest by its count', () => {
    const two = input({ kind: 'digest', calls: [input().calls[0]!, { ...input().calls[0]!, id: '01JOTHER' }] });
    expect(renderMessage(two).subject).toBe('Ukens utlysninger: 2 nye som passer «Søppel & avfall»');
    expect(renderMessage({ ...two, calls: two.calls.slice(0, 1) }).subject).toBe('Ukens utlysninger: 1 ny som passer «Søppel & avfall»');
  });
});

describe('buildMessage', () => {
  it('builds a parseable multipart/alternative message with one-click unsubscribe headers', async () => {
    const raw = (await buildMessage(input())).toString('utf8');
    const unfolded = raw.replace(/\r\n[ \t]+/g, ' '); // long header lines may be folded (RFC 5322 2.2.3)
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(unfolded).toMatch(/^List-Unsubscribe: <https:\/\/innovasjonstorget\.no\/api\/unsubscribe\?token=abc\.def>/m);
    expect(unfolded).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    // eslint-disable-next-line no-control-regex
    expect(raw).toMatch(/^[\x00-\x7f]*$/); // 7-bit on the wire: every æøå is encoded
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Ny utlysning: Bærekraftig tømming på Øra <pilot>');
    expect((mail.to as AddressObject).value[0]!.address).toBe('anbud@bedrift.example');
    expect(mail.messageId).toBe('<01JMSG@innovasjonstorget.no>');
    expect(mail.date?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(mail.text).toContain('Frist: 12. mars 2026 kl. 12:00');
    expect(mail.html).toContain('lang="nb"');
  });

  it('leaves the unsubscribe headers off a member copy and names the association instead', async () => {
    const raw = (await buildMessage(input({ unsubscribeToken: undefined, onBehalfOf: 'Næringsforeningen' }))).toString('utf8');
    expect(raw).not.toMatch(/^List-Unsubscribe/im);
    const mail = await simpleParser(raw);
    expect(mail.text).toContain('Næringsforeningen har et lagret søk for medlemmene');
    expect(mail.text).not.toContain('/avmeld');
  });

  it('takes the Message-ID domain from the From address', () => {
    expect(messageIdFor('X', 'Innovasjonstorget <varsel@example.no>')).toBe('<X@example.no>');
    expect(messageIdFor('X', 'varsel@example.no')).toBe('<X@example.no>');
  });
});

describe('isoWeek (the digest key)', () => {
  it('is the ISO week in Oslo time, across year ends', () => {
    expect(isoWeek(new Date('2026-01-05T06:00:00Z'))).toBe('2026-W02'); // Monday 07:00 Oslo
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2026-01-04T23:30:00Z'))).toBe('2026-W02'); // already Monday in Oslo
  });
});
