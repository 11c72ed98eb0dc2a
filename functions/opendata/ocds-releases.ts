import { MUNICIPALITIES } from '../../shared/domain/municipalities.js';
import { now } from '../core/clock.js';
import { badRequest, notFound } from '../core/errors.js';
import { getCall } from '../data/calls.js';
import { decodeCursor, encodeCursor } from '../data/cursor.js';
import { getOrganisationNames, getPublishedOutcomes, queryEverPublishedCalls, type KeyedCall } from '../data/opendata.js';
import type { Key } from '../data/paging.js';
import { callToReleases, compileReleases, type Lang, type OcdsRelease } from './ocds.js';
import { callUrl, ocidPrefix, publicBaseUrl } from './settings.js';

/** Where the next page starts: a municipality (index in MUNICIPALITIES) and, within it, after this key. */
interface OcdsCursor {
  s: 'ocds';
  m: number;
  key?: Key;
}

/** The licence of the data: Norwegian Licence for Open Government Data 2.0 (Open Definition conformant). */
export const OCDS_LICENSE = 'https://data.norge.no/nlod/no/2.0';

/** The OCDS pagination extension, declared whenever a package uses `links`. */
export const PAGINATION_EXTENSION = 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/master/extension.json';

export interface ReleasePackage {
  uri: string;
  version: '1.1';
  extensions?: string[];
  publishedDate: string;
  publisher: { name: string; uri: string };
  license: string;
  publicationPolicy: string;
  releases: OcdsRelease[];
  links?: { next?: string };
}

/**
 * An OCDS 1.1 release package of published calls, municipality by municipality and newest first within
 * one, with every release of each call (oldest first), `limit` calls a page. Reads one more call than it
 * returns, so a next link always leads to at least one release.
 */
export async function ocdsReleases(query: { limit?: number; cursor?: string; lang?: Lang }): Promise<ReleasePackage> {
  const limit = query.limit ?? 50;
  const state = query.cursor ? decodeCursor<OcdsCursor>(query.cursor, 'ocds') : { s: 'ocds' as const, m: 0 };
  if (!Number.isInteger(state.m) || state.m < 0 || state.m >= MUNICIPALITIES.length) {
    throw badRequest('The cursor does not fit this listing.', [{ path: 'cursor', message: 'Invalid or tampered cursor' }]);
  }

  const found: { m: number; item: KeyedCall }[] = [];
  let m = state.m;
  let key = state.key;
  while (m < MUNICIPALITIES.length && found.length <= limit) {
    const page = await queryEverPublishedCalls(MUNICIPALITIES[m]!.code, limit + 1 - found.length, key);
    found.push(...page.items.map((item) => ({ m, item })));
    if (page.lastKey && found.length <= limit) {
      key = page.lastKey;
      continue;
    }
    m++;
    key = undefined;
  }
  const pageItems = found.slice(0, limit);
  const last = pageItems[pageItems.length - 1];
  const next = found.length > limit && last ? encodeCursor({ s: 'ocds', m: last.m, key: last.item.key } satisfies OcdsCursor) : undefined;

  const calls = pageItems.map((f) => f.item.call);
  const outcomes = await getPublishedOutcomes(calls.map((c) => c.id));
  const supplierNames = await getOrganisationNames([...outcomes.values()].flatMap((o) => o.partners));
  const at = now();
  const lang = query.lang ?? 'nb';
  const releases = calls.flatMap((c) => callToReleases(c, outcomes.get(c.id), { ocidPrefix: ocidPrefix(), callUrl, supplierNames, now: at, lang }));

  const base = publicBaseUrl();
  const self = new URL(`${base}/api/ocds/releases`);
  if (query.limit) self.searchParams.set('limit', String(query.limit));
  if (query.cursor) self.searchParams.set('cursor', query.cursor);
  if (query.lang) self.searchParams.set('lang', query.lang);
  const nextUrl = new URL(`${base}/api/ocds/releases`);
  nextUrl.searchParams.set('limit', String(limit));
  if (query.lang) nextUrl.searchParams.set('lang', query.lang);
  if (next) nextUrl.searchParams.set('cursor', next);

  // Generated on demand: the package is dated by the latest change to what it holds.
  const newest = releases.reduce((max, r) => (r.date > max ? r.date : max), '');
  return {
    uri: self.toString(),
    version: '1.1',
    ...(next ? { extensions: [PAGINATION_EXTENSION] } : {}),
    publishedDate: newest || at.toISOString(),
    publisher: { name: 'Innovasjonstorget', uri: `${base}/` },
    license: OCDS_LICENSE,
    publicationPolicy: `${base}/om/apne-data`,
    releases,
    ...(next ? { links: { next: nextUrl.toString() } } : {}),
  };
}

/** An OCDS 1.1 record package for one contracting process: all its releases and the compiled release. */
export async function ocdsRecord(ocid: string, lang: Lang = 'nb') {
  const prefix = `${ocidPrefix()}-`;
  const id = ocid.startsWith(prefix) ? ocid.slice(prefix.length) : undefined;
  const call = id && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? await getCall(id) : undefined;
  if (!call || !call.publishedAt) throw notFound(`No contracting process with ocid ${ocid}.`);
  const outcomes = await getPublishedOutcomes([call.id]);
  const supplierNames = await getOrganisationNames(outcomes.get(call.id)?.partners ?? []);
  const releases = callToReleases(call, outcomes.get(call.id), { ocidPrefix: ocidPrefix(), callUrl, supplierNames, now: now(), lang });
  const base = publicBaseUrl();
  const uri = new URL(`${base}/api/ocds/records/${encodeURIComponent(ocid)}`);
  if (lang !== 'nb') uri.searchParams.set('lang', lang);
  return {
    uri: uri.toString(),
    version: '1.1' as const,
    publishedDate: releases[releases.length - 1]!.date,
    publisher: { name: 'Innovasjonstorget', uri: `${base}/` },
    license: OCDS_LICENSE,
    publicationPolicy: `${base}/om/apne-data`,
    records: [{ ocid: `${ocidPrefix()}-${call.id}`, releases, compiledRelease: compileReleases(releases) }],
  };
}
