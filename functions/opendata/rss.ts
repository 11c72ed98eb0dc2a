/**
 * A small RSS 2.0 writer: the feed is one fixed shape, and the `feed` package (with its XML library)
 * made the feeds function the one heaviest to cold-start. Correctness is checked by parsing the output
 * with a standard parser (rss-parser) in tests/integration/opendata.
 */
import { xmlText } from '../../shared/domain/format-text.js';

export interface RssChannel {
  title: string;
  link: string;
  description: string;
  language: string;
  copyright: string;
  ttlMinutes: number;
  /** The newest change to what the feed holds; absent for an empty feed. */
  lastBuildDate?: Date;
  selfUrl: string;
  items: RssItem[];
}

export interface RssItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: { name: string; domain?: string }[];
}

// XML 1.0 forbids some characters even escaped (controls, lone surrogates, U+FFFE/U+FFFF): dropped there.
const escape = xmlText;

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escape(text)}</${name}>`;

export function rss2(channel: RssChannel): string {
  const items = channel.items.map((i) =>
    [
      '<item>',
      el('title', i.title),
      el('link', i.link),
      el('guid', i.link, ' isPermaLink="true"'),
      el('pubDate', i.pubDate.toUTCString()),
      el('description', i.description),
      ...i.categories.map((c) => el('category', c.name, c.domain ? ` domain="${escape(c.domain)}"` : '')),
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    el('title', channel.title),
    el('link', channel.link),
    el('description', channel.description),
    el('language', channel.language),
    el('copyright', channel.copyright),
    el('generator', 'Innovasjonstorget'),
    el('ttl', String(channel.ttlMinutes)),
    ...(channel.lastBuildDate ? [el('lastBuildDate', channel.lastBuildDate.toUTCString())] : []),
    `<atom:link href="${escape(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel></rss>',
  ].join('\n');
}
