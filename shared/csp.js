// @ts-check
/**
 * The one Content-Security-Policy of the site, read by the local server (infra/local/static-site.ts), by
 * CloudFront (infra/stacks/web.ts) and by SvelteKit (web/svelte.config.js, kit.csp in hash mode, which puts
 * the same directives plus the hashes of its inline bootstrap script in a <meta> tag). Plain JavaScript so
 * svelte.config.js can import it without a build step.
 *
 * No 'unsafe-inline' for scripts: the servers add the SHA-256 hashes of the inline scripts of the built
 * pages (infra/constructs/csp-hashes.ts). style-src keeps 'unsafe-inline' because Svelte transitions and
 * SvelteKit's shell write inline styles (styles cannot run code).
 */

/** @type {Record<string, string[]>} */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
};

/**
 * The header value.
 * @param {{ connectSrc?: string[]; formAction?: string[]; scriptHashes?: string[]; upgradeInsecureRequests?: boolean }} [extra]
 *   connectSrc/formAction: the sign-in origin (Cognito hosted UI); scriptHashes: `'sha256-…'` of inline scripts.
 */
export function contentSecurityPolicy(extra = {}) {
  /** @type {Record<string, string[]>} */
  const d = structuredClone(CONTENT_SECURITY_POLICY_DIRECTIVES);
  d['connect-src']?.push(...(extra.connectSrc ?? []));
  d['form-action']?.push(...(extra.formAction ?? []));
  d['script-src']?.push(...(extra.scriptHashes ?? []));
  const parts = Object.entries(d).map(([k, v]) => `${k} ${v.join(' ')}`);
  if (extra.upgradeInsecureRequests) parts.push('upgrade-insecure-requests');
  return parts.join('; ');
}

/**
 * The same directives in SvelteKit's kit.csp form (keywords without quotes), minus those a <meta> CSP
 * cannot carry (frame-ancestors; the servers send it as a header).
 * @returns {Record<string, string[]>}
 */
export function svelteKitCspDirectives() {
  return Object.fromEntries(
    Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
      .filter(([k]) => k !== 'frame-ancestors')
      .map(([k, v]) => [k, v.map((s) => s.replace(/^'(self|none|unsafe-inline)'$/, '$1'))]),
  );
}
