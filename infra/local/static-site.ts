import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp.js';
import { inlineScriptHashes } from '../constructs/csp-hashes.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The same headers the CloudFront response headers policy sets in AWS. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * Serves the static SvelteKit build like CloudFront does: files as they are, extension-less paths
 * to the SPA fallback (200.html), and a generated config.json telling the app it runs locally.
 */
export function staticSite(webDir: string, opts: { demo?: boolean } = {}) {
  // demo: the installation serves demo data, and every page says so.
  const runtimeConfig = JSON.stringify({ apiBase: '', auth: { mode: 'local' }, ...(opts.demo ? { demo: true } : {}) });
  // The one CSP (shared/csp.js), with the hashes of the build's inline scripts: what CloudFront sends too.
  const securityHeaders = { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy({ scriptHashes: inlineScriptHashes(webDir) }) };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method Not Allowed');
      return;
    }
    if (url.pathname === '/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store', ...securityHeaders }).end(runtimeConfig);
      return;
    }
    let file = resolveFile(webDir, url.pathname);
    if (!file && !extname(url.pathname)) file = resolveFile(webDir, '/200.html') ?? resolveFile(webDir, '/index.html');
    if (!file) {
      const missing = !existsSync(webDir);
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders })
        .end(missing ? 'The web app is not built. Run `npm run build:web` (npm start does it for you).' : 'Not found');
      return;
    }
    const immutable = url.pathname.startsWith('/_app/immutable/');
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    };
    const encoding = COMPRESSIBLE.has(extname(file)) ? pickEncoding(req.headers['accept-encoding']) : undefined;
    if (encoding) {
      const body = compressed(file, encoding);
      res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': String(body.byteLength), vary: 'accept-encoding' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, COMPRESSIBLE.has(extname(file)) ? { ...headers, vary: 'accept-encoding' } : headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/** Text types are sent compressed, as CloudFront does (brotli when the browser takes it, else gzip). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  const offered = (accept ?? '').split(',').map((p) => p.trim().split(';')[0]!.toLowerCase());
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return undefined;
}

/** Compressed once per file version (path + mtime + size) and kept: the build does not change under us. */
const cache = new Map<string, Buffer>();
function compressed(file: string, encoding: 'br' | 'gzip'): Buffer {
  const stat = statSync(file);
  const key = `${encoding}:${file}:${stat.mtimeMs}:${stat.size}`;
  let body = cache.get(key);
  if (!body) {
    const raw = readFileSync(file);
    body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.byteLength } })
        : gzipSync(raw, { level: 9 });
    cache.set(key, body);
  }
  return body;
}

function resolveFile(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, decoded));
  // Never serve outside the build folder, whatever ../ the path carries.
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}
