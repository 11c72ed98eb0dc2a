import { createServer, get as httpGet, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticSite } from '../../../../infra/local/static-site.js';

/** The local static server compresses text files as CloudFront does, so local measurements are fair. */
let server: Server;
let base = '';
const dir = mkdtempSync(join(tmpdir(), 'static-site-'));
const js = 'export const x = "' + 'æøå '.repeat(2000) + '";\n';

beforeAll(async () => {
  mkdirSync(join(dir, '_app/immutable'), { recursive: true });
  writeFileSync(join(dir, '_app/immutable/app.js'), js);
  writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, '200.html'), '<!doctype html><title>x</title>');
  const handle = staticSite(dir);
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, acceptEncoding?: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = httpGet(base + path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });

describe('local static site compression', () => {
  it('sends brotli when the browser takes it, else gzip, with Vary', async () => {
    const br = await get('/_app/immutable/app.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(js);
    expect(br.body.byteLength).toBeLessThan(Buffer.byteLength(js) / 10);

    const gz = await get('/_app/immutable/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(js);
  });

  it('sends files as they are to clients that take no encoding, and never compresses images', async () => {
    const plain = await get('/_app/immutable/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(js);
    const png = await get('/logo.png', 'br, gzip');
    expect(png.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the SPA fallback too, keeping the security headers', async () => {
    const res = await get('/mine-utlysninger', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeTruthy();
  });
});
