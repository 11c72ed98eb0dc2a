import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getFile, parseObjectKey } from '../data/files.js';
import { completeUpload } from '../files/complete-upload.js';
import { logger } from '../core/logger.js';
import { loadSecrets } from '../core/secrets.js';

const s3 = new S3Client({});

/** The EventBridge «Object Created» event of the uploads bucket (only the fields read here). */
interface ObjectCreated {
  detail?: { bucket?: { name?: string }; object?: { key?: string } };
}

/**
 * Verifies an upload once S3 has stored it: the same completeUpload the local upload route runs (size, SHA-256,
 * content sniffed against the declared type). A match is listed; anything else is deleted and never listed.
 * Malware scanning (GuardDuty Malware Protection for S3) would tag the object before this runs; see docs/files.md.
 */
export async function handler(event: ObjectCreated): Promise<void> {
  // A verified document on a published call is a correction, and its notices carry signed links.
  await loadSecrets();
  const bucket = event.detail?.bucket?.name;
  const key = event.detail?.object?.key;
  const ref = key ? parseObjectKey(decodeURIComponent(key)) : undefined;
  if (!bucket || !key || !ref) {
    logger.warn('upload event for an unknown key', { key });
    return;
  }
  const record = await getFile(ref);
  if (!record || record.status !== 'pending') return; // verified already, or withdrawn: nothing to do
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: record.objectKey }));
  const bytes = Buffer.from(await out.Body!.transformToByteArray());
  const result = await completeUpload(record, bytes);
  logger.info('upload verified', { key, ok: result.ok });
}
