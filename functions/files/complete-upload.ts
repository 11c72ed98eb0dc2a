import { createHash } from 'node:crypto';
import type { FileType } from '../../shared/schemas/openphase.js';
import { now } from '../core/clock.js';
import { audit } from '../core/logger.js';
import { deleteFileRecord, getFile, markVerified, type FileRecord } from '../data/files.js';
import { contentMatches } from './sniff.js';
import { fileStore } from './storage.js';
import { onDocumentVerified } from './documents.js';

/** Why uploaded bytes do not match their declaration, or undefined when they do. */
export function mismatch(record: Pick<FileRecord, 'size' | 'sha256' | 'contentType'>, bytes: Buffer): { status: number; detail: string } | undefined {
  if (bytes.length !== record.size) return { status: 400, detail: `Declared ${record.size} bytes, received ${bytes.length}.` };
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== record.sha256) return { status: 400, detail: `The SHA-256 of the bytes (${sha}) differs from the declared ${record.sha256}.` };
  if (!contentMatches(bytes, record.contentType as FileType)) {
    return { status: 415, detail: `The content is not ${record.contentType}: the bytes say otherwise.` };
  }
  return undefined;
}

/**
 * The one verification both environments run once bytes are stored (the local upload route; in AWS the S3 event
 * Lambda): checks size, checksum and content against the declaration; a match becomes listed, a mismatch is
 * removed and never listed.
 */
export async function completeUpload(record: FileRecord, bytes: Buffer): Promise<{ ok: true } | { ok: false; status: number; detail: string }> {
  const wrong = mismatch(record, bytes);
  if (wrong) {
    audit('file.rejected', { callId: record.callId, kind: record.kind, id: record.id, reason: wrong.detail });
    await fileStore().remove(record.objectKey);
    await deleteFileRecord(record);
    return { ok: false, ...wrong };
  }
  const verified = await markVerified(record, now().toISOString());
  if (verified && verified.kind === 'document') await onDocumentVerified(verified);
  return { ok: true };
}

export { getFile };
