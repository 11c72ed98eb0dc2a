import { ulid } from 'ulid';
import type { FileInfo, UploadDeclaration } from '../../shared/schemas/openphase.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall, type CallRecord } from '../data/calls.js';
import { deleteFileRecord, getFile, insertDocumentChange, listDocumentChanges, listFiles, markSuperseded, type FileRecord } from '../data/files.js';
import { assertOwned, assertVisible } from '../calls/view.js';
import { notifyStakeholdersSafely } from '../notices/notify-stakeholders.js';
import { assertRoomForCorrection, checkCount, checkDeclaration } from './limits.js';
import { fileStore } from './storage.js';
import { startUpload } from './start-upload.js';

export const fileView = (f: FileRecord): FileInfo => ({
  id: f.id,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  sha256: f.sha256,
  uploadedAt: f.uploadedAt ?? f.declaredAt,
  ...(f.redacts ? { redacts: f.redacts } : {}),
});

const byUpload = (a: FileRecord, b: FileRecord) => (a.uploadedAt ?? '').localeCompare(b.uploadedAt ?? '') || a.id.localeCompare(b.id);

/** The call must be a draft or open for its documents to change; open means a correction (note, six days). */
function assertChangeable(call: CallRecord, at: Date, changeNote: string | undefined): 'draft' | 'open' {
  const status = effectiveStatus(call.status, call.deadline, at);
  if (status !== 'draft' && status !== 'open') throw conflict(`The documents of a ${status} call can no longer change.`);
  if (status === 'open') {
    if (!changeNote) {
      throw badRequest('The call is published: changing its documents is a correction and needs a changeNote (10–2,000 characters).', [
        { path: 'changeNote', message: 'Required for a published call' },
      ]);
    }
    assertRoomForCorrection(call, at);
  }
  return status;
}

/** Step 1 of an upload: the owner declares a document; the answer says where to PUT the bytes. */
export async function declareDocument(callId: string, d: UploadDeclaration, principal: Principal, origin: string) {
  const call = assertOwned(await getCall(callId), principal);
  const at = now();
  const contentType = checkDeclaration(d);
  if (d.redacts) throw badRequest('redacts is for proposal attachments.', [{ path: 'redacts', message: 'Not for call documents' }]);
  assertChangeable(call, at, d.changeNote);
  const current = (await listFiles(callId, 'document')).filter((f) => f.status === 'verified');
  if (d.replaces && !current.some((f) => f.id === d.replaces)) throw notFound('No document with the id given in replaces.');
  checkCount(current.length - (d.replaces ? 1 : 0), 'call');
  return startUpload({ callId, kind: 'document' }, d, contentType, at, principal, origin, {
    ...(d.replaces ? { replaces: d.replaces } : {}),
    ...(d.changeNote ? { changeNote: d.changeNote } : {}),
  });
}

/** Verified documents: anyone for a published call, the owner for a draft. */
export async function listDocuments(callId: string, principal: Principal | undefined): Promise<{ items: FileInfo[] }> {
  assertVisible(await getCall(callId), principal);
  const files = (await listFiles(callId, 'document')).filter((f) => f.status === 'verified').sort(byUpload);
  return { items: files.map(fileView) };
}

/** A short-lived URL that serves the bytes with Content-Disposition: attachment. */
export async function documentDownload(callId: string, docId: string, principal: Principal | undefined, origin: string): Promise<string> {
  assertVisible(await getCall(callId), principal);
  const f = await getFile({ callId, kind: 'document', id: docId });
  if (!f || f.status !== 'verified') throw notFound('No document with that id.');
  return fileStore().downloadUrl(f.objectKey, f.fileName, f.contentType, origin);
}

const describe = (f: FileRecord) => ({ fileName: f.fileName, sha256: f.sha256, size: f.size });

/** Removing a document; after publication a correction (note, six days, change log, notices) that keeps the file as an earlier version. */
export async function removeDocument(callId: string, docId: string, changeNote: string | undefined, principal: Principal): Promise<void> {
  const call = assertOwned(await getCall(callId), principal);
  const at = now();
  const status = assertChangeable(call, at, changeNote);
  const f = await getFile({ callId, kind: 'document', id: docId });
  if (!f || f.status !== 'verified') throw notFound('No document with that id.');
  if (status !== 'open') return discard(f);
  await markSuperseded(f, at.toISOString());
  await recordDocumentCorrection(call, changeNote!, { name: `document:${f.fileName}`, before: describe(f), after: null }, at);
}

async function discard(f: FileRecord): Promise<void> {
  await deleteFileRecord(f);
  await fileStore().remove(f.objectKey);
}

/** After verification: a replaced document goes; on a published call the change is a correction. */
export async function onDocumentVerified(f: FileRecord): Promise<void> {
  const call = await getCall(f.callId);
  if (!call) return;
  const old = f.replaces ? await getFile({ callId: f.callId, kind: 'document', id: f.replaces }) : undefined;
  const correction = call.status === 'open' ? f.changeNote : undefined;
  // A published version stays (bytes too) for the archive package; a draft's earlier file was never public.
  if (old) await (correction ? markSuperseded(old, now().toISOString()) : discard(old));
  if (correction) {
    await recordDocumentCorrection(call, correction, { name: `document:${f.fileName}`, before: old ? describe(old) : null, after: describe(f) }, now());
  }
}

async function recordDocumentCorrection(call: CallRecord, note: string, field: { name: string; before: unknown; after: unknown }, at: Date) {
  const id = ulid();
  await insertDocumentChange({ id, callId: call.id, changedAt: at.toISOString(), note, fields: [field] });
  await notifyStakeholdersSafely({ kind: 'correction', id: `correction:${call.id}:doc:${id}`, call, note, fields: [field] });
}

/** Document corrections in the change-log shape of GET /api/calls/{id}/changes, oldest first (merged there). */
export async function documentChanges(callId: string) {
  return (await listDocumentChanges(callId)).map(({ changedAt, note, fields }) => ({ changedAt, note, fields }));
}
