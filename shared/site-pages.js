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
