import { ulid } from 'ulid';
import type { UploadDeclaration } from '../../shared/schemas/openphase.js';
import type { Principal } from '../core/principal.js';
import { insertFile, objectKeyOf, type FileRecord } from '../data/files.js';
import { fileStore } from './storage.js';

/**
 * Step 1 of an upload, once the caller's rules have passed: the file is recorded as pending under a new id and
 * the browser gets where to PUT the bytes (complete-upload.ts verifies them before the file is listed).
 * `where` says whose file it is (a call document, or one company's attachment); `extra` what it replaces or redacts.
 */
export async function startUpload(
  where: Pick<FileRecord, 'callId' | 'kind'> & Partial<Pick<FileRecord, 'orgNumber'>>,
  d: UploadDeclaration,
  contentType: FileRecord['contentType'],
  at: Date,
  principal: Principal,
  origin: string,
  extra: Partial<Pick<FileRecord, 'redacts' | 'replaces' | 'changeNote'>>,
) {
  const id = ulid();
  const record: FileRecord = {
    id,
    ...where,
    fileName: d.fileName,
    contentType,
    size: d.size,
    sha256: d.sha256,
    status: 'pending',
    declaredAt: at.toISOString(),
    declaredBy: principal.userId,
    objectKey: objectKeyOf({ ...where, id }),
    ...extra,
  };
  await insertFile(record);
  const upload = await fileStore().uploadTarget(record, origin);
  return { id, upload: { ...upload, method: 'PUT' as const } };
}
