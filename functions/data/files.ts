import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';

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

export const fileKey = (f: Pick<FileRecord, 'callId' | 'kind' | 'orgNumber' | 'id'>) =>
  f.kind === 'document' ? keys.document(f.callId, f.id) : keys.attachment(f.callId, f.orgNumber!, f.id);

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

function fromItem(item: Record<string, unknown>): FileRecord {
  const { pk, sk, type, ...rest } = item;
  void pk, sk, type;
  return rest as unknown as FileRecord;
}

export async function insertFile(f: FileRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: { ...fileKey(f), type: f.kind, ...f }, ConditionExpression: 'attribute_not_exists(pk)' }));
}

export async function getFile(ref: Pick<FileRecord, 'callId' | 'kind' | 'orgNumber' | 'id'>): Promise<FileRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: fileKey(ref) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/** A call's documents, or one company's attachments to it (declared and verified). */
export async function listFiles(callId: string, kind: FileKind, orgNumber?: string): Promise<FileRecord[]> {
  const prefix = kind === 'document' ? keys.documentPrefix : orgNumber ? keys.attachmentPrefix(orgNumber) : 'ATTACH#';
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':p': prefix },
  });
  return items.map(fromItem);
}

/** pending → verified, once. Undefined when the record is gone or was verified already. */
export async function markVerified(ref: Pick<FileRecord, 'callId' | 'kind' | 'orgNumber' | 'id'>, uploadedAt: string): Promise<FileRecord | undefined> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: fileKey(ref),
        UpdateExpression: 'SET #s = :v, uploadedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND #s = :p',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':v': 'verified', ':p': 'pending', ':at': uploadedAt },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(out.Attributes!);
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

/** verified → superseded: no longer listed or served, kept (with its bytes) as an earlier version for the archive. */
export async function markSuperseded(ref: Pick<FileRecord, 'callId' | 'kind' | 'orgNumber' | 'id'>, at: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: fileKey(ref),
      UpdateExpression: 'SET #s = :s, supersededAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'superseded', ':at': at },
    }),
  );
}

export async function deleteFileRecord(ref: Pick<FileRecord, 'callId' | 'kind' | 'orgNumber' | 'id'>): Promise<boolean> {
  try {
    await db().send(new DeleteCommand({ TableName: table(), Key: fileKey(ref), ConditionExpression: 'attribute_exists(pk)' }));
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

export async function insertDocumentChange(c: DocumentChangeRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.documentChange(c.callId, c.changedAt, c.id), type: 'documentChange', ...c } }));
}

/** Document changes of a call, oldest first. */
export async function listDocumentChanges(callId: string): Promise<DocumentChangeRecord[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':p': keys.documentChangePrefix },
  });
  return items.map((i) => fromItem(i) as unknown as DocumentChangeRecord);
}
