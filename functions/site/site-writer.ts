import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { env } from '../core/config.js';

/**
 * Where rendered pages go: the site bucket in AWS (SITE_BUCKET, served by CloudFront), the local static
 * root locally (SITE_ROOT, the folder the local server serves). Neither set: no writer, nothing rendered.
 */
export interface SiteWriter {
  /** The SPA shell (200.html) the pages are built on, so they load the same scripts and styles. */
  readShell(): Promise<string | undefined>;
  /** Writes one page; `path` is the URL path without extension ("utlysninger/01J…"). */
  writePage(path: string, html: string): Promise<void>;
}

export function localSiteWriter(root: string): SiteWriter {
  const inside = (p: string) => {
    const full = normalize(join(root, p));
    if (!full.startsWith(normalize(root) + sep)) throw new Error(`path outside the site root: ${p}`);
    return full;
  };
  return {
    readShell: () => readFile(join(root, '200.html'), 'utf8').catch(() => undefined),
    async writePage(path, html) {
      // The local server answers /utlysninger/<id> with utlysninger/<id>.html, as adapter-static lays pages out.
      const file = inside(`${path}.html`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, html);
    },
  };
}

export function s3SiteWriter(bucket: string): SiteWriter {
  // Loaded only when a bucket is configured, so local runs never start the S3 client.
  const client = import('@aws-sdk/client-s3').then((s3) => ({ s3, c: new s3.S3Client({}) }));
  return {
    async readShell() {
      const { s3, c } = await client;
      try {
        const out = await c.send(new s3.GetObjectCommand({ Bucket: bucket, Key: '200.html' }));
        return await out.Body?.transformToString('utf8');
      } catch {
        return undefined;
      }
    },
    async writePage(path, html) {
      const { s3, c } = await client;
      // <path>.html, as adapter-static lays out pages (and as locally): CloudFront's viewer-request function
      // maps /utlysninger/<id> to it. no-cache: a correction must show on the next load.
      await c.send(
        new s3.PutObjectCommand({ Bucket: bucket, Key: `${path}.html`, Body: html, ContentType: 'text/html; charset=utf-8', CacheControl: 'no-cache' }),
      );
    },
  };
}

let cached: SiteWriter | null | undefined;

export function siteWriter(): SiteWriter | null {
  if (cached !== undefined) return cached;
  const bucket = env.siteBucket();
  const root = env.siteRoot();
  cached = bucket ? s3SiteWriter(bucket) : root ? localSiteWriter(root) : null;
  return cached;
}

/** Tests and the local server change env between runs in one process. */
export function resetSiteWriter(next?: SiteWriter | null): void {
  cached = next;
}
