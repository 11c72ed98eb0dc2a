import { municipalityName } from '../../shared/domain/municipalities.js';
import { cpvLabel } from '../../shared/domain/cpv.js';
import { DOMAIN_LABELS, type Domain } from '../../shared/domain/vocabulary.js';
import type { CallRecord } from '../data/calls.js';
import { describeFilters, openCallsMatching, recentlyCancelledMatching, type FeedQuery } from './open-calls.js';
import { now } from '../core/clock.js';
import { publicBaseUrl } from './settings.js';
import { formatBudgetRange, formatDeadline } from '../core/format.js';
import { answerKindNow } from '../../shared/domain/procedure.js';
import { answerWords } from '../../shared/domain/answer-words.js';

export type Lang = 'nb' | 'en';

/** The words feeds and calendars are written in, bokmål and English (terms: docs/glossary.md). */
export const FEED_TEXT = {
  nb: {
    calls: 'åpne utlysninger',
    deadlines: 'frister',
    channelDescription: 'Åpne innovasjonsutlysninger fra kommunene i Østfold, og avlyste de siste 30 dagene.',
    calendarDescription: 'Frister for åpne innovasjonsutlysninger fra kommunene i Østfold.',
    cancelled: 'AVLYST',
    cancelledOn: 'Utlysningen ble avlyst',
    reason: 'Begrunnelse',
    corrected: 'Rettet',
    budget: 'Budsjett',
    municipality: (name: string) => `${name} kommune`,
    reminder: (title: string, many: string) => `Fristen for ${many} til «${title}» går ut om 24 timer.`,
  },
  en: {
    calls: 'open calls',
    deadlines: 'deadlines',
    channelDescription: 'Open innovation calls from the municipalities of Østfold, and those cancelled in the last 30 days.',
    calendarDescription: 'Deadlines of open innovation calls from the municipalities of Østfold.',
    cancelled: 'CANCELLED',
    cancelledOn: 'The call was cancelled',
    reason: 'Reason',
    corrected: 'Corrected',
    budget: 'Budget',
    municipality: (name: string) => `${name} municipality`,
    reminder: (title: string, many: string) => `The deadline for ${many} to «${title}» is in 24 hours.`,
  },
} as const;

export const buyerName = (c: Pick<CallRecord, 'municipalityCode'>, lang: Lang = 'nb') =>
  FEED_TEXT[lang].municipality(municipalityName(c.municipalityCode) ?? c.municipalityCode);

export const domainLabel = (d: string, lang: Lang = 'nb') => DOMAIN_LABELS[d as Domain]?.[lang] ?? d;

/** «Frist for innspill», «Frist for forespørsel om å delta» or «Tilbudsfrist»: the noun rule of docs/glossary.md. */
export const deadlineNoun = (c: Pick<CallRecord, 'procedure'>, lang: Lang = 'nb') => callAnswerWords(c, lang).deadline;
/** The words for what an open call asks companies for. */
export const callAnswerWords = (c: Pick<CallRecord, 'procedure'>, lang: Lang = 'nb') => answerWords(answerKindNow(c.procedure), lang);

/** A deadline in Norwegian time (functions/core/format.ts). */
export { formatDeadline };

/** «Budsjett: 500 000–2 000 000 kr ekskl. mva.»; undefined without a budget. Amounts never include VAT. */
export function formatBudget(budget: CallRecord['budgetNok'], lang: Lang = 'nb'): string | undefined {
  const range = formatBudgetRange(budget, lang);
  return range && `${FEED_TEXT[lang].budget}: ${range}`;
}

/** «CPV: 48813200 System for passasjerinformasjon i sanntid; 72212000 …»: each code with its own official label. */
export function describeCpv(codes: readonly string[], lang: Lang = 'nb'): string | undefined {
  if (codes.length === 0) return undefined;
  return `CPV: ${codes.map((c) => `${c} ${cpvLabel(c, lang) ?? ''}`.trim()).join('; ')}`;
}

/** «Innovasjonstorget – <what> (<filters>)». */
export function feedTitle(what: string, query: FeedQuery, lang: Lang = 'nb'): string {
  const filters = describeFilters(query, {
    municipality: query.municipality ? municipalityName(query.municipality) : undefined,
    domain: query.domain ? domainLabel(query.domain, lang) : undefined,
  });
  return `Innovasjonstorget – ${what}${filters ? ` (${filters})` : ''}`;
}

/** The query string that reproduces these filters (for self links). */
export function feedQueryString(query: FeedQuery): string {
  const params = new URLSearchParams();
  for (const k of ['municipality', 'domain', 'q', 'cpv', 'lang'] as const) if (query[k]) params.set(k, query[k]!);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** What the RSS feed and the deadline calendar both show: the open and the recently cancelled calls matching the query, in its language. */
export async function feedContent(query: FeedQuery) {
  const at = now();
  const lang = query.lang ?? 'nb';
  const [open, cancelled] = await Promise.all([openCallsMatching(query, at.toISOString()), recentlyCancelledMatching(query, at)]);
  return { lang, t: FEED_TEXT[lang], open, cancelled, base: publicBaseUrl() };
}
