/**
 * Items of the award path, all in the call's partition: impartiality declarations, evaluations, letters,
 * the events of the procurement record and the stored versions of the call. Every write is one conditional
 * write on one item, and ids are deterministic, so a retried use case completes what it started.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';

const strip = <T>(item: Record<string, unknown>): T => {
  const { pk, sk, type, ...rest } = item;
  void pk, sk, type;
  return rest as T;
};

const inPartition = (callId: string, prefix: string) =>
  queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':p': prefix },
  });

/** Put an item unless it exists; true if this call wrote it. */
async function putOnce(key: Record<string, string>, type: string, item: object): Promise<boolean> {
  try {
    await db().send(new PutCommand({ TableName: table(), Item: { ...key, type, ...item }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

// ─── Stage decisions stored on the call item ─────────────────────────────────────────────────────────────
export interface SelectionDecision {
  id: string;
  selected: string[];
  reasons: string;
  tenderDeadline: string;
  decidedAt: string;
  decidedBy: string;
  /** Everyone who asked to take part, with names, as they stood when the decision was made. */
  requesters: { orgNumber: string; name: string }[];
}
export interface AwardSnapshotItem {
  orgNumber: string;
  name: string;
  priceNok?: number;
  scores: Record<string, number>;
  weighted: Record<string, number>;
  total: number;
  rank: number;
}
export interface AwardDecision {
  id: string;
  winners: string[];
  reasons: string;
  decidedAt: string;
  decidedBy: string;
  standstillDays: number;
  standstillEndsAt: string;
  /** The evaluation the decision rests on, frozen: the letters and the record are built from it. */
  snapshot: { criteria: { id: string; name: string; kind: string; weight: number }[]; items: AwardSnapshotItem[] };
  withdrawnAt?: string;
  withdrawnBy?: string;
  withdrawReason?: string;
}
export interface ContractRecord {
  signedAt: string;
  valueNok: number;
  durationMonths?: number;
  recordedAt: string;
  recordedBy: string;
}

// ─── Impartiality ────────────────────────────────────────────────────────────────────────────────────────
export interface ImpartialityRecord {
  callId: string;
  userId: string;
  userName?: string;
  orgId: string;
  impartial: boolean;
  reason?: string;
  declaredAt: string;
}
export const putImpartiality = (r: ImpartialityRecord) => putOnce(keys.impartiality(r.callId, r.userId), 'impartiality', r);
export async function getImpartiality(callId: string, userId: string): Promise<ImpartialityRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.impartiality(callId, userId) }));
  return out.Item ? strip<ImpartialityRecord>(out.Item) : undefined;
}
export const listImpartiality = async (callId: string) => (await inPartition(callId, keys.impartialityPrefix)).map((i) => strip<ImpartialityRecord>(i));

// ─── Evaluations ─────────────────────────────────────────────────────────────────────────────────────────
export interface EvaluationRecord {
  callId: string;
  orgNumber: string;
  scores: Record<string, number>;
  notes?: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}
export async function getEvaluation(callId: string, orgNumber: string): Promise<EvaluationRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.evaluation(callId, orgNumber) }));
  return out.Item ? strip<EvaluationRecord>(out.Item) : undefined;
}
/** First write: only if none exists. Later writes: only if the stored version is `expected`. */
export async function writeEvaluation(e: EvaluationRecord, expected?: number): Promise<boolean> {
  if (expected === undefined) return putOnce(keys.evaluation(e.callId, e.orgNumber), 'evaluation', e);
  try {
    await db().send(new PutCommand({
      TableName: table(),
      Item: { ...keys.evaluation(e.callId, e.orgNumber), type: 'evaluation', ...e },
      ConditionExpression: 'attribute_exists(pk) AND #v = :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': expected },
    }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
export const listEvaluations = async (callId: string) => (await inPartition(callId, keys.evaluationPrefix)).map((i) => strip<EvaluationRecord>(i));

// ─── Letters ─────────────────────────────────────────────────────────────────────────────────────────────
export type LetterKind = 'selection' | 'award' | 'withdrawal' | 'cancellation';
export interface LetterRecord {
  id: string;
  callId: string;
  decisionId: string;
  kind: LetterKind;
  orgNumber: string;
  companyName: string;
  to: string;
  subject: string;
  text: string;
  /** The whole RFC 5322 message, as sent. */
  eml: string;
  createdAt: string;
  sentAt?: string;
}
export const putLetter = (l: LetterRecord) => putOnce(keys.letter(l.callId, l.decisionId, l.orgNumber), 'letter', l);
export async function markLetterSent(l: LetterRecord, sentAt: string): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: table(),
    Key: keys.letter(l.callId, l.decisionId, l.orgNumber),
    UpdateExpression: 'SET sentAt = :s',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sentAt)',
    ExpressionAttributeValues: { ':s': sentAt },
  })).catch((e) => {
    if (!isConditionFailure(e)) throw e;
  });
}
export const listLetters = async (callId: string) => (await inPartition(callId, keys.letterPrefix)).map((i) => strip<LetterRecord>(i));

// ─── The procurement record ──────────────────────────────────────────────────────────────────────────────
export interface CallEvent {
  callId: string;
  /** Deterministic within the call (e.g. `award-<decisionId>`), so a retry writes the same item. */
  eventId: string;
  type: string;
  at: string;
  actor?: { userId: string; orgId: string; role: string; name?: string };
  data?: Record<string, unknown>;
}
// The item's own `type` is 'event'; the event's type is stored as eventType.
export const recordEvent = ({ type, ...e }: CallEvent) => putOnce(keys.callEvent(e.callId, e.at, e.eventId), 'event', { ...e, eventType: type });
export const listEvents = async (callId: string) =>
  (await inPartition(callId, keys.callEventPrefix)).map((i) => {
    const { eventType, ...rest } = strip<Omit<CallEvent, 'type'> & { eventType: string }>(i);
    return { ...rest, type: eventType } as CallEvent;
  });

// ─── Versions of the call ────────────────────────────────────────────────────────────────────────────────
export const putCallVersion = (callId: string, version: number, call: object) =>
  putOnce(keys.callVersion(callId, version), 'call-version', { callId, version, call });
export const listCallVersions = async (callId: string) =>
  (await inPartition(callId, keys.callVersionPrefix)).map((i) => strip<{ callId: string; version: number; call: Record<string, unknown> }>(i));
