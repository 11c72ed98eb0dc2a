/**
 * The language of feeds and open data: `?lang=` when given, else the first of nb/en that Accept-Language
 * prefers (Norwegian in any form counts as nb), else bokmål.
 */
export type FeedLang = 'nb' | 'en';

export function feedLang(queryLang: FeedLang | undefined, acceptLanguage: string | undefined): FeedLang {
  if (queryLang) return queryLang;
  if (!acceptLanguage) return 'nb';
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (/^(nb|nn|no)(-|$)/.test(tag)) return 'nb';
    if (/^en(-|$)/.test(tag)) return 'en';
  }
  return 'nb';
}
