import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { config } from '../core/config.js';

/** Where the match index snapshot is kept: one object in S3 (AWS) or one file under DATA_DIR (local). */
export const SNAPSHOT_KEY = 'match-index/v2.bin.gz';

export async function readSnapshot(): Promise<Uint8Array | undefined> {
  const where = config().matchSnapshot;
  if (!where) return undefined;
  if ('dir' in where) return readFile(join(where.dir, SNAPSHOT_KEY)).catch(() => undefined);
  const s3 = await import('@aws-sdk/client-s3');
  try {
    const out = await new s3.S3Client({}).send(new s3.GetObjectCommand({ Bucket: where.bucket, Key: SNAPSHOT_KEY }));
    return out.Body ? await out.Body.transformToByteArray() : undefined;
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchKey') return undefined;
    throw e;
  }
}

/** Replaces the snapshot whole (rename locally, one PUT in S3), so a reader never sees half of one. */
export async function writeSnapshot(bytes: Uint8Array): Promise<void> {
  const where = config().matchSnapshot;
  if (!where) return;
  if ('dir' in where) {
    const file = join(where.dir, SNAPSHOT_KEY);
    await mkdir(join(where.dir, 'match-index'), { recursive: true });
    await writeFile(`${file}.tmp`, bytes);
    await rename(`${file}.tmp`, file);
    return;
  }
  const s3 = await import('@aws-sdk/client-s3');
  await new s3.S3Client({}).send(new s3.PutObjectCommand({ Bucket: where.bucket, Key: SNAPSHOT_KEY, Body: bytes, ContentType: 'application/gzip' }));
}
