/**
 * Settings of the open-data routes. Read lazily from the environment; belongs in core/config.ts
 * (PUBLIC_BASE_URL, OCDS_OCID_PREFIX) once that file takes them.
 */

/** Where the public web app lives: links in feeds, calendars and OCDS point there. */
export const publicBaseUrl = (): string => (process.env.PUBLIC_BASE_URL || 'http://localhost:3000').replace(/\/+$/, '');

/**
 * OCID prefix. Real prefixes are registered with the Open Contracting Partnership ("ocds-" + six
 * characters, e.g. ocds-213czf; https://standard.open-contracting.org/1.1/en/schema/identifiers/); a
 * publisher sets OCDS_OCID_PREFIX to its own, and every ocid changes with it. The default marks the data
 * as a demo: no registered prefix starts with "demo".
 */
export const DEMO_OCID_PREFIX = 'ocds-demo00';
export const ocidPrefix = (): string => process.env.OCDS_OCID_PREFIX || DEMO_OCID_PREFIX;

export const callUrl = (id: string) => `${publicBaseUrl()}/utlysninger/${encodeURIComponent(id)}`;

/** Feeds and the OCDS package are the same for everyone and change slowly: shared caches may keep them 5 min. */
export const PUBLIC_CACHE = 'public, max-age=300';
