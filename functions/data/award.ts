/**
 * Items of the award path, all in the call's partition: impartiality declarations, evaluations, letters,
 * the events of the procurement record and the stored versions of the call. Every write is one conditional
 * write on one item, and ids are deterministic, so a retried use case completes what it started.
 */
import { entity } from './entity.js';
import { keys } from './keys.js';

/** Items of one kind in a call's partition (each kind's sort keys share a prefix). */
const inCall = (callId: string, prefix: string) => ({ partition: keys.call(callId).pk, sort: { beginsWith: prefix } });

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
export const impartiality = entity<ImpartialityRecord, Pick<ImpartialityRecord, 'callId' | 'userId'>>({
  type: 'impartiality',
  description: "One user's impartiality declaration for one call (written once, read before any answer)",
  key: (r) => keys.impartiality(r.callId, r.userId),
  patterns: [
    { name: 'impartiality gate', index: 'table', partition: 'CALL#<callId>', sort: 'IMPARTIAL#<userId>' },
    { name: "a call's declarations", index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(IMPARTIAL#)' },
  ],
});
export const putImpartiality = (r: ImpartialityRecord) => impartiality.putIfAbsent(r);
export const getImpartiality = (callId: string, userId: string) => impartiality.get({ callId, userId });
export const listImpartiality = (callId: string) => impartiality.queryEvery(inCall(callId, keys.impartialityPrefix));

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
export const evaluations = entity<EvaluationRecord, Pick<EvaluationRecord, 'callId' | 'orgNumber'>>({
  type: 'evaluation',
  description: "The owner's evaluation of one tender (`version`, ETag / If-Match)",
  key: (e) => keys.evaluation(e.callId, e.orgNumber),
  patterns: [{ name: 'evaluation table', index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(EVAL#)' }],
});
export const getEvaluation = (callId: string, orgNumber: string) => evaluations.get({ callId, orgNumber });
/** First write: only if none exists. Later writes: only if the stored version is `expected`. */
export const writeEvaluation = (e: EvaluationRecord, expected?: number) =>
  expected === undefined ? evaluations.putIfAbsent(e) : evaluations.replaceIfVersion(e, expected);
export const listEvaluations = (callId: string) => evaluations.queryEvery(inCall(callId, keys.evaluationPrefix));

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
export const letters = entity<LetterRecord, Pick<LetterRecord, 'callId' | 'decisionId' | 'orgNumber'>>({
  type: 'letter',
  description: 'A letter (selection, award, withdrawal, cancellation) to one company: its RFC 5322 message in `eml`, `sentAt` once delivered',
  key: (l) => keys.letter(l.callId, l.decisionId, l.orgNumber),
  patterns: [{ name: 'letters of a call', index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(LETTER#)' }],
});
export const putLetter = (l: LetterRecord) => letters.putIfAbsent(l);
/** Delivered: recorded once (a second delivery of the same letter keeps the first time). */
export async function markLetterSent(l: LetterRecord, sentAt: string): Promise<void> {
  await letters.updateIf(l, { set: { sentAt }, condition: 'attribute_not_exists(sentAt)' });
}
export const listLetters = (callId: string) => letters.queryEvery(inCall(callId, keys.letterPrefix));

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
/** The item's own `type` is 'event'; the event's type is stored as eventType. */
type StoredEvent = Omit<CallEvent, 'type'> & { eventType: string };
export const callEvents = entity<StoredEvent, Pick<StoredEvent, 'callId' | 'at' | 'eventId'>>({
  type: 'event',
  description: 'An event of the procurement record (`eventType`, `actor`, `data`; deterministic id)',
  key: (e) => keys.callEvent(e.callId, e.at, e.eventId),
  patterns: [{ name: 'the protocol', index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(EVENT#)' }],
});
export const recordEvent = ({ type, ...e }: CallEvent) => callEvents.putIfAbsent({ ...e, eventType: type });
export const listEvents = async (callId: string): Promise<CallEvent[]> =>
  (await callEvents.queryEvery(inCall(callId, keys.callEventPrefix))).map(({ eventType, ...e }) => ({ ...e, type: eventType }));

// ─── Versions of the call ────────────────────────────────────────────────────────────────────────────────
interface CallVersionRecord {
  callId: string;
  version: number;
  call: Record<string, unknown>;
}
export const callVersions = entity<CallVersionRecord, Pick<CallVersionRecord, 'callId' | 'version'>>({
  type: 'call-version',
  description: 'A stored version of a call (for the archive); the version zero-padded to 6 digits',
  key: (v) => keys.callVersion(v.callId, v.version),
  patterns: [{ name: 'versions of a call (archive)', index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(VERSION#)' }],
});
export const putCallVersion = (callId: string, version: number, call: object) =>
  callVersions.putIfAbsent({ callId, version, call: call as Record<string, unknown> });
export const listCallVersions = (callId: string) => callVersions.queryEvery(inCall(callId, keys.callVersionPrefix));
