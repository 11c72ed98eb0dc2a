import type { FileInfo, UploadDeclaration } from '../../shared/schemas/openphase.js';
import { badRequest, conflict, forbidden, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall } from '../data/calls.js';
import { deleteFileRecord, getFile, listFiles } from '../data/files.js';
import { getProposal } from '../data/proposals.js';
import { assertVisible } from '../calls/view.js';
import { requireOpenCall } from '../proposals/open-call.js';
import { assertMayReadAnswers } from '../award/access.js';
import { audit } from '../core/logger.js';
import { currentStage } from '../../shared/domain/procedure.js';
import { phaseState } from '../calls/view.js';
import { checkCount, checkDeclaration } from './limits.js';
import { startUpload } from './start-upload.js';
import { fileStore } from './storage.js';
import { fileView } from './documents.js';

/** Step 1: a company declares a file for its own proposal while the call is open. */
export async function declareAttachment(callId: string, d: UploadDeclaration, principal: Principal, origin: string) {
  const at = now();
  await requireOpenCall(callId, principal, at, 'given attachments');
  const contentType = checkDeclaration(d);
  if (d.replaces || d.changeNote) {
    throw badRequest('replaces and changeNote are for call documents; remove the old attachment instead.', [
      { path: d.replaces ? 'replaces' : 'changeNote', message: 'Not for attachments' },
    ]);
  }
  if (!(await getProposal(callId, principal.orgId))) throw conflict('Submit your proposal first; attachments belong to it.');
  const own = await listFiles(callId, 'attachment', principal.orgId);
  if (d.redacts && !own.some((f) => f.id === d.redacts && f.status === 'verified')) {
    throw notFound('redacts must name one of your own attachments to this call.');
  }
  checkCount(own.filter((f) => f.status === 'verified').length, 'proposal');
  return startUpload(
    { callId, kind: 'attachment', orgNumber: principal.orgId },
    d,
    contentType,
    at,
    principal,
    origin,
    d.redacts ? { redacts: d.redacts } : {},
  );
}

export async function listMyAttachments(callId: string, principal: Principal): Promise<{ items: FileInfo[] }> {
  assertVisible(await getCall(callId), principal);
  const files = (await listFiles(callId, 'attachment', principal.orgId)).filter((f) => f.status === 'verified');
  files.sort((a, b) => (a.uploadedAt ?? '').localeCompare(b.uploadedAt ?? ''));
  return { items: files.map(fileView) };
}

export async function removeMyAttachment(callId: string, attachmentId: string, principal: Principal): Promise<void> {
  await requireOpenCall(callId, principal, now(), 'changed');
  const f = await getFile({ callId, kind: 'attachment', orgNumber: principal.orgId, id: attachmentId });
  if (!f) throw notFound('No attachment with that id.');
  await deleteFileRecord(f);
  await fileStore().remove(f.objectKey);
}

/** Sealed like the proposal: the owner, after the deadline (assertMayReadAnswers audits every attempt). */
export async function attachmentDownload(callId: string, orgNumber: string, attachmentId: string, principal: Principal, origin: string) {
  const call = assertVisible(await getCall(callId), principal);
  if (principal.role !== 'municipality') throw forbidden('Only the municipality that owns this call can read its proposals.');
  await readGranted(call, principal, { orgNumber, attachmentId });
  const f = await getFile({ callId, kind: 'attachment', orgNumber, id: attachmentId });
  if (!f || f.status !== 'verified') throw notFound('No attachment with that id.');
  return fileStore().downloadUrl(f.objectKey, f.fileName, f.contentType, origin);
}

/** A withdrawn proposal's attachments are deleted with it (records and bytes). */
export async function deleteAttachmentsOf(callId: string, orgNumber: string): Promise<void> {
  for (const f of await listFiles(callId, 'attachment', orgNumber)) {
    await deleteFileRecord(f);
    await fileStore().remove(f.objectKey);
  }
}

/** The attachments of one company's proposal, for the owner after the deadline. */
export async function listProposalAttachments(callId: string, orgNumber: string, principal: Principal): Promise<{ items: FileInfo[] }> {
  const call = assertVisible(await getCall(callId), principal);
  await readGranted(call, principal, { orgNumber });
  const files = (await listFiles(callId, 'attachment', orgNumber)).filter((f) => f.status === 'verified');
  return { items: files.map(fileView) };
}

/** Attachments are sealed like their proposal (award/access.ts: owner, after the stage's deadline, impartial). */
async function readGranted(call: Awaited<ReturnType<typeof getCall>> & object, principal: Principal, extra: Record<string, unknown>) {
  const at = now();
  await assertMayReadAnswers(call, principal, at, currentStage(phaseState(call)), 'attachments', extra);
  audit('attachments.read.granted', {
    callId: call.id,
    userId: principal.userId,
    orgId: principal.orgId,
    role: principal.role,
    at: at.toISOString(),
    ...extra,
  });
}
