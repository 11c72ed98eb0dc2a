/**
 * Issue 7, finding 6 ("text is text"): every writer gets every code point class and must stay well-formed;
 * the input normaliser keeps what is text and drops or refuses the rest.
 */
import { describe, expect, it } from 'vitest';
import { parseStringPromise } from 'xml2js';
import ICAL from 'ical.js';
import { rss2 } from '../../../../functions/opendata/rss.js';
import { csvText, icsLine, icsText, xmlText } from '../../../../shared/domain/format-text.js';
import { comparableName, isBlank, normaliseText } from '../../../../shared/domain/text.js';
import { text } from '../../../../shared/schemas/common.js';

/** One or more samples of every class of code point that could trip a writer. */
const CLASSES: Record<string, string> = {
  'C0 controls': Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(''),
  DEL: '\u007F',
  'C1 controls': Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join(''),
  'lone high surrogate': 'a\uD800b',
  'lone low surrogate': 'a\uDC00b',
  'noncharacters BMP': '\uFDD0\uFDEF\uFFFE\uFFFF',
  'noncharacter astral': '\u{1FFFE}\u{10FFFF}',
  'astral emoji': 'Hei 👋🏽 på deg',
  'zero-width and bidi': '\u200B\u200C\u200D\u2060\uFEFF\u202E\u2066',
  combining: 'A\u030A',
  markup: `<script>alert("x")</script> & 'y' ]]> <!-- -->`,
  'norwegian and quotes': 'Æ Ø Å æ ø å «sitat» – ,;\\',
  'line breaks': 'a\r\nb\rc\nd\u2028e\u2029f',
  'private use': '\uE000\u{F0000}',
};
const everything = Object.values(CLASSES).join(' ');

describe('XML (RSS 2.0)', () => {
  it.each(Object.entries({ ...CLASSES, all: everything }))('stays well-formed with %s', async (_name, sample) => {
    const xml = rss2({
      title: sample,
      link: 'https://x/',
      description: sample,
      language: 'nb',
      copyright: sample,
      ttlMinutes: 5,
      lastBuildDate: new Date(0),
      selfUrl: `https://x/?q=${sample}`,
      items: [{ title: sample, link: 'https://x/1', pubDate: new Date(0), description: sample, categories: [{ name: sample, domain: sample }] }],
    });
    await expect(parseStringPromise(xml, { strict: true })).resolves.toBeDefined();
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });

  it('keeps Norwegian letters and emoji, escapes markup', () => {
    expect(xmlText('æøå 👋 <b>&')).toBe('æøå 👋 &lt;b&gt;&amp;');
  });
});

describe('iCalendar', () => {
  it.each(Object.entries({ ...CLASSES, all: everything }))('parses with %s', async (_name, sample) => {
    const { default: ical } = await import('ical-generator');
    const cal = ical({ name: icsLine(sample) });
    cal.createEvent({ id: 'x@y', start: new Date(0), stamp: new Date(0), summary: icsText(sample), description: icsText(sample), location: icsText(sample) });
    const out = cal.toString();
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    const parsed = new ICAL.Component(ICAL.parse(out));
    expect(parsed.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(parsed.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe(icsText(sample));
  });
});

describe('CSV', () => {
  it.each(Object.entries({ ...CLASSES, all: everything }))('is one well-formed field with %s', (_name, sample) => {
    const field = csvText(sample);
    expect(field).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    // Quoted iff it holds a quote, comma or newline; inner quotes doubled.
    if (/^"/.test(field)) expect(field.slice(1, -1)).not.toMatch(/(^|[^"])"([^"]|$)/);
    else expect(field).not.toMatch(/[",\n]/);
  });

  it('neutralises formulas', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('@SUM(1)')).toBe("'@SUM(1)");
  });
});

describe('stored text', () => {
  it('is NFC, without controls (but newline and tab), lone surrogates or noncharacters', () => {
    const out = normaliseText(everything);
    expect(out).toBe(out.normalize('NFC'));
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(out).not.toContain('\u{1FFFE}');
    expect(out).toContain('👋🏽');
    expect(normaliseText('a\r\nb\tc')).toBe('a\nb\tc');
  });

  it('refuses text that is only zero-width, whitespace, NUL or lone surrogates', () => {
    const title = text(3, 200);
    for (const s of ['\u200B\u200B\u200B\u200B', '\u0000\u0000\u0000\u0000', '\uD800\uD800\uD800\uD800', ' \u00A0\u2003\uFEFF ']) {
      expect(title.safeParse(s).success, JSON.stringify(s)).toBe(false);
    }
    expect(title.safeParse('Gyldig tittel').success).toBe(true);
    expect(isBlank('\u200B \u2060')).toBe(true);
  });

  it('compares names ignoring case, spacing and invisible characters', () => {
    expect(comparableName('Halden\u200B  Kommune')).toBe(comparableName('halden kommune'));
    expect(comparableName('ＡＢＣ AS')).toBe(comparableName('abc as'));
  });
});
