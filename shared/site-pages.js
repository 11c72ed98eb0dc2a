// @ts-check
/**
 * The pages SvelteKit prerenders to HTML (web/svelte.config.js) and CloudFront serves as such
 * (infra/constructs/spa-fallback.ts maps /om to om.html). Plain JavaScript so svelte.config.js can import
 * it without a build step. Every other extension-less path is a client-side route (the SPA shell).
 */

/** @type {readonly `/${string}`[]} */
export const PRERENDERED_PAGES = ['/', '/om', '/om/apne-data', '/tilgjengelighet', '/personvern', '/kontakt'];

/** The file adapter-static writes for a prerendered path: '/' → '/index.html', '/om' → '/om.html'. */
/** @param {string} path */
export const prerenderedFile = (path) => (path === '/' ? '/index.html' : `${path}.html`);

/**
 * Every route a signed-out visitor can open, as SvelteKit names them: their first script is budgeted (≤ 60 KB
 * gzipped, `npm run bench:web`) and the client build groups what they share (web/vite.config.ts).
 * @type {readonly `/${string}`[]}
 */
export const PUBLIC_ROUTES = [
  '/',
  '/utlysninger/[id]',
  '/logg-inn',
  '/auth/callback',
  '/avmeld',
  '/bedrifter/[orgNumber]',
  '/erfaringer',
  '/foreninger',
  '/foreninger/[id]',
  '/om',
  '/om/apne-data',
  '/tilgjengelighet',
  '/personvern',
  '/kontakt',
];
