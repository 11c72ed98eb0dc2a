import { problem } from './errors.js';
import { now } from './clock.js';

/**
 * A per-client budget of requests, held in this process only (nothing about the client is stored). It
 * caps what one client can do to a counter between the edge's per-IP rule (WAF) and the table; each
 * Lambda container keeps its own window, so the bound is per container, which is what a hot loop hits.
 */
export function rateLimiter(opts: { limit: number; windowMs: number; maxClients?: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  const maxClients = opts.maxClients ?? 10_000;
  return {
    /** Throws 429 with Retry-After once `client` has used its budget in the current window. */
    take(client: string): void {
      const t = now().getTime();
      let w = windows.get(client);
      if (!w || t - w.start >= opts.windowMs) {
        if (!w && windows.size >= maxClients) windows.delete(windows.keys().next().value!);
        w = { start: t, count: 0 };
        windows.delete(client);
        windows.set(client, w);
      }
      w.count += 1;
      if (w.count > opts.limit) {
        const retry = Math.max(1, Math.ceil((w.start + opts.windowMs - t) / 1000));
        throw problem(429, `Too many requests from this client; try again in ${retry} s.`, {
          headers: { 'retry-after': String(retry) },
          type: 'rate-limited',
        });
      }
    },
    reset: () => windows.clear(),
  };
}

/** Who is asking, for rate limits: the organisation when signed in, else the viewer address CloudFront saw. */
export function clientKey(principal: { orgId: string } | undefined, headers: Record<string, string | undefined>, sourceIp: string | undefined): string {
  if (principal) return `org:${principal.orgId}`;
  const viewer = headers['cloudfront-viewer-address'];
  return `ip:${viewer ? viewer.replace(/:\d+$/, '') : (sourceIp ?? 'unknown')}`;
}
