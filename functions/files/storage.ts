import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { openToken, sealToken } from '../core/signed-token.js';
import { now } from '../core/clock.js';
import { env } from '../core/config.js';

/** Upload links live this long; download links less (they are followed at once by the 302). */
export const UPLOAD_TTL_S = 15 * 60;
export const DOWNLOAD_TTL_S = 5 * 60;

export interface UploadSpec {
  objectKey: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Where file bytes live. In AWS (FILES_BUCKET set) a private S3 bucket reached with presigned URLs that fix
 * length, type and checksum; locally DATA_DIR/files behind signed upload/download URLs of the local server
 * (/api/dev/files/…, never routed in AWS), authorised by the signature alone, as S3 is.
 */
export interface FileStore {
  uploadTarget(spec: UploadSpec, origin: string): Promise<{ url: string; headers: Record<string, string> }>;
  downloadUrl(objectKey: string, fileName: string, contentType: string, origin: string): Promise<string>;
  remove(objectKey: string): Promise<void>;
  /** The stored bytes, for the archive package (the calls function reads them; nobody else needs to). */
  read(objectKey: string): Promise<Uint8Array>;
}

const UPLOAD = 'file-upload';
const DOWNLOAD = 'file-download';

export interface LocalUploadClaim extends UploadSpec {
  expiresAt: number;
}
export interface LocalDownloadClaim {
  objectKey: string;
  fileName: string;
  contentType: string;
  expiresAt: number;
}

export const filesDir = () => resolve(env.filesDir() ?? join(env.dataDir(), 'files'));

export function localFileStore(): FileStore {
  return {
    async uploadTarget(spec, origin) {
      const claim: LocalUploadClaim = { ...spec, expiresAt: now().getTime() + UPLOAD_TTL_S * 1000 };
      return { url: `${origin}/api/dev/files/upload/${sealToken(UPLOAD, claim)}`, headers: { 'content-type': spec.contentType } };
    },
    async downloadUrl(objectKey, fileName, contentType, origin) {
      const claim: LocalDownloadClaim = { objectKey, fileName, contentType, expiresAt: now().getTime() + DOWNLOAD_TTL_S * 1000 };
      return `${origin}/api/dev/files/download/${sealToken(DOWNLOAD, claim)}`;
    },
    async remove(objectKey) {
      await rm(localPath(objectKey), { force: true });
    },
    async read(objectKey) {
      return new Uint8Array(await readFile(localPath(objectKey)));
    },
  };
}

/** The signed claim of a local upload/download URL, if the signature holds and it has not expired. */
export function openLocalClaim(kind: 'upload', token: string): LocalUploadClaim | undefined;
export function openLocalClaim(kind: 'download', token: string): LocalDownloadClaim | undefined;
export function openLocalClaim(kind: 'upload' | 'download', token: string) {
  const claim = openToken(kind === 'upload' ? UPLOAD : DOWNLOAD, token) as { expiresAt?: number } | undefined;
  if (!claim || typeof claim.expiresAt !== 'number' || claim.expiresAt < now().getTime()) return undefined;
  return claim;
}

export const localPath = (objectKey: string) => join(filesDir(), ...objectKey.split('/'));

export async function writeLocalFile(objectKey: string, bytes: Buffer): Promise<void> {
  const path = localPath(objectKey);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}

/** The S3 client and presigner, loaded on first use: functions that may touch files pay nothing at start. */
async function s3(given?: S3Client) {
  const [sdk, { getSignedUrl }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
  return { ...sdk, getSignedUrl, client: given ?? new sdk.S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' }) };
}

export function s3FileStore(bucket: string, given?: S3Client): FileStore {
  let loaded: ReturnType<typeof s3> | undefined;
  const sdk = () => (loaded ??= s3(given));
  return {
    async uploadTarget(spec) {
      const { PutObjectCommand, getSignedUrl, client } = await sdk();
      const checksum = Buffer.from(spec.sha256, 'hex').toString('base64');
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: spec.objectKey,
        ContentType: spec.contentType,
        ContentLength: spec.size,
        ChecksumSHA256: checksum,
      });
      // Length, type and checksum are signed headers: S3 refuses bytes that differ from the declaration.
      const url = await getSignedUrl(client, command, {
        expiresIn: UPLOAD_TTL_S,
        signableHeaders: new Set(['content-type', 'content-length', 'x-amz-checksum-sha256']),
        unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
      });
      return { url, headers: { 'content-type': spec.contentType, 'x-amz-checksum-sha256': checksum } };
    },
    async downloadUrl(objectKey, fileName, contentType) {
      const { GetObjectCommand, getSignedUrl, client } = await sdk();
      return getSignedUrl(
        client,
        new GetObjectCommand({ Bucket: bucket, Key: objectKey, ResponseContentDisposition: contentDisposition(fileName), ResponseContentType: contentType }),
        { expiresIn: DOWNLOAD_TTL_S },
      );
    },
    async remove(objectKey) {
      const { DeleteObjectCommand, client } = await sdk();
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey }));
    },
    async read(objectKey) {
      const { GetObjectCommand, client } = await sdk();
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
      return out.Body!.transformToByteArray();
    },
  };
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266), safe for any file name we accept. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

let cached: FileStore | undefined;
export function fileStore(): FileStore {
  const bucket = env.filesBucket();
  cached ??= bucket ? s3FileStore(bucket) : localFileStore();
  return cached;
}
export function resetFileStore(): void {
  cached = undefined;
}
