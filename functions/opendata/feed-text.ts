import { municipalityName } from '../../shared/domain/municipalities.js';
import { DOMAIN_LABELS, type Domain } from '../../shared/domain/vocabulary.js';
import type { CallRecord } from '../data/calls.js';
import { describeFilters, type FeedQuery } from './open-calls.js';
import { formatDeadline } from '../core/format.js';

export { formatDeadline };

export const buyerName = (c: Pick<CallRecord, 'municipalityCode'>) => `${municipalityName(c.municipalityCode) ?? c.municipalityCode} kommune`;

export const domainLabel = (d: string) => DOMAIN_LABELS[d as Domain]?.nb ?? d;

/** «Innovasjonstorget – <what> (<filters>)». */
export function feedTitle(what: string, query: FeedQuery): string {
  const filters = describeFilters(query, {
    municipality: query.municipality ? municipalityName(query.municipality) : undefined,
    domain: query.domain ? domainLabel(query.domain) : undefined,
  });
  return `Innovasjonstorget – ${what}${filters ? ` (${filters})` : ''}`;
}

/** The query string that reproduces these filters (for self links). */
export function feedQueryString(query: FeedQuery): string {
  const params = new URLSearchParams();
  for (const k of ['municipality', 'domain', 'q', 'cpv'] as const) if (query[k]) params.set(k, query[k]!);
  const s = params.toString();
  return s ? `?${s}` : '';
}
