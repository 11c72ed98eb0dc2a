import { randomBytes } from 'node:crypto';
import { openToken, sealToken } from './signed-token.js';

/**
 * The anonymous visitor cookie: a random id signed by us, first-party, HTTP-only, never holding an IP
 * address or anything else about the person. It lets a view through a promotion link count once per
 * visitor; without it an anonymous view is not counted (a forged or missing cookie gains nothing).
 */
export const VISITOR_COOKIE = 'tv';
const ONE_YEAR_S = 365 * 86_400;

export function readVisitor(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(/;\s*|,\s*/)) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== VISITOR_COOKIE) continue;
    const state = openToken('visitor:v1', part.slice(eq + 1).trim()) as { v?: unknown } | undefined;
    if (state && typeof state.v === 'string' && /^[\w-]{16,32}$/.test(state.v)) return state.v;
  }
  return undefined;
}

/** A new visitor id and the Set-Cookie value that carries it. */
export function mintVisitor(secure: boolean): { id: string; setCookie: string } {
  const id = randomBytes(16).toString('base64url');
  const value = sealToken('visitor:v1', { v: id });
  const attrs = [`${VISITOR_COOKIE}=${value}`, 'Path=/api', `Max-Age=${ONE_YEAR_S}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  return { id, setCookie: attrs.join('; ') };
}

/** The visitor from the request, or a new one with the cookie to set. */
export function visitorOf(headers: Record<string, string | undefined>): { id: string; setCookie?: string } {
  const known = readVisitor(headers.cookie);
  if (known) return { id: known };
  const proto = headers['x-forwarded-proto'] ?? headers['cloudfront-forwarded-proto'];
  const host = headers.host ?? '';
  return mintVisitor(proto === 'https' || !/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host));
}
