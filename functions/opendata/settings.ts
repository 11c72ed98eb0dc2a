/** Settings of the open-data routes, read lazily from the environment through core/config.ts. */
import { env } from '../core/config.js';

/** Where the public web app lives: links in feeds, calendars and OCDS point there. */
export const publicBaseUrl = env.publicBaseUrl;

/**
 * OCID prefix. Real prefixes are registered with the Open Contracting Partnership ("ocds-" + six
 * characters, e.g. ocds-213czf; https://standard.open-contracting.org/1.1/en/schema/identifiers/); a
 * publisher sets OCDS_OCID_PREFIX to its own, and every ocid changes with it. The default marks the data
 * as a demo: no registered prefix starts with "demo".
 */
export const DEMO_OCID_PREFIX = 'ocds-demo00';
export const ocidPrefix = (): string => env.ocidPrefix() ?? DEMO_OCID_PREFIX;

export const callUrl = (id: string) => `${publicBaseUrl()}/utlysninger/${encodeURIComponent(id)}`;

/** Feeds and the OCDS package are the same for everyone and change slowly: shared caches may keep them 5 min. */
export const PUBLIC_CACHE = 'public, max-age=300';
