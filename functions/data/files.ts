import { entity } from './entity.js';
import { keys } from './keys.js';

export type FileKind = 'document' | 'attachment';

/**
 * A call document (CALL#id / DOC#docId) or a proposal attachment (CALL#id / ATTACH#org#id). Declared first
 * (status pending), listed only once the uploaded bytes are verified against the declaration.
 */
export interface FileRecord {
  id: string;
  callId: string;
  kind: FileKind;
  /** Attachments: the company whose proposal it belongs to. */
  orgNumber?: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** `superseded`: a document of a published call that a correction replaced or removed; its bytes are kept for the archive. */
  status: 'pending' | 'verified' | 'superseded';
  declaredAt: string;
  declaredBy: string;
  uploadedAt?: string;
  /** Where the bytes live (S3 object key, or the path under DATA_DIR/files locally). */
  objectKey: string;
  redacts?: string;
  replaces?: string;
  changeNote?: string;
  supersededAt?: string;
}

/** A document change after publication: an entry of the call's change log («Rettelser»). */
export interface DocumentChangeRecord {
  id: string;
  callId: string;
  changedAt: string;
  note: string;
  fields: { name: string; before: unknown; after: unknown }[];
}

/** The storage key of a file: it names its item, so the verifier (S3 event) finds the record from the key alone. */
export const objectKeyOf = (f: Pick<FileRecord, 'callId' | 'kind' | 'orgNumber' | 'id'>) =>
  f.kind === 'document' ? `calls/${f.callId}/documents/${f.id}` : `calls/${f.callId}/proposals/${f.orgNumber}/${f.id}`;

export function parseObjectKey(key: string): Pick<FileRecord, 'callId' | 'kind' | 'orgNumber' | 'id'> | undefined {
  const doc = /^calls\/([0-9A-Z]{26})\/documents\/([0-9A-Z]{26})$/.exec(key);
  if (doc) return { callId: doc[1]!, kind: 'document', id: doc[2]! };
  const att = /^calls\/([0-9A-Z]{26})\/proposals\/(\d{9})\/([0-9A-Z]{26})$/.exec(key);
  if (att) return { callId: att[1]!, kind: 'attachment', orgNumber: att[2]!, id: att[3]! };
  return undefined;
}

type FileRef = Pick<FileRecord, 'callId' | 'kind' | 'orgNumber' | 'id'>;

/** Documents and attachments are two item types with one record shape (their `type` is the file's kind). */
export const documents = entity<FileRecord, FileRef>({
  type: 'document',
  description: 'A call document (konkurransegrunnlag …): pending until its bytes are verified, then listed',
  key: (f) => keys.document(f.callId, f.id),
  patterns: [{ name: "a call's documents", index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(DOC#)' }],
});

export const attachments = entity<FileRecord, FileRef>({
  type: 'attachment',
  description: "A file attached to a company's proposal, sealed like the proposal; pending until verified",
  key: (f) => keys.attachment(f.callId, f.orgNumber!, f.id),
  patterns: [{ name: "a company's attachments to a call", index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(ATTACH#<orgNumber>#)' }],
});

export const documentChanges = entity<DocumentChangeRecord, DocumentChangeRecord>({
  type: 'documentChange',
  description: 'A document added, replaced or removed after publication (an entry of the change log)',
  key: (c) => keys.documentChange(c.callId, c.changedAt, c.id),
  patterns: [{ name: "a call's document changes, oldest first", index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(DOCCHANGE#)' }],
});

const files = (kind: FileKind) => (kind === 'document' ? documents : attachments);

export async function insertFile(f: FileRecord): Promise<void> {
  if (!(await files(f.kind).putIfAbsent(f))) throw new Error(`file ${f.id} of call ${f.callId} exists already`);
}

export const getFile = (ref: FileRef) => files(ref.kind).get(ref);

/** A call's documents, or one company's attachments to it (declared and verified). */
export function listFiles(callId: string, kind: FileKind, orgNumber?: string): Promise<FileRecord[]> {
  const prefix = kind === 'document' ? keys.documentPrefix : keys.attachmentPrefix(orgNumber);
  return files(kind).queryEvery({ partition: keys.call(callId).pk, sort: { beginsWith: prefix } });
}

/** pending → verified, once. Undefined when the record is gone or was verified already. */
export const markVerified = (ref: FileRef, uploadedAt: string) =>
  files(ref.kind).update(ref, {
    set: { status: 'verified', uploadedAt },
    condition: '#status = :pending',
    names: { '#status': 'status' },
    values: { ':pending': 'pending' },
  });

/** verified → superseded: no longer listed or served, kept (with its bytes) as an earlier version for the archive. */
export const markSuperseded = (ref: FileRef, at: string) => files(ref.kind).updateIf(ref, { set: { status: 'superseded', supersededAt: at } });

export const deleteFileRecord = (ref: FileRef) => files(ref.kind).remove(ref, { condition: 'attribute_exists(pk)' });

export const insertDocumentChange = (c: DocumentChangeRecord) => documentChanges.put(c);

/** Document changes of a call, oldest first. */
export const listDocumentChanges = (callId: string) =>
  documentChanges.queryEvery({ partition: keys.call(callId).pk, sort: { beginsWith: keys.documentChangePrefix } });
