import type { CallInput } from '../../shared/schemas/calls.js';
import type { StoredCallStatus } from '../../shared/domain/call-status.js';
import type { AwardDecision, ContractRecord, SelectionDecision } from './award.js';
import type { CallChangeRecord } from './call-changes.js';

/** A call as stored. `closed` is never stored; it is derived from the deadline at read time. */
export interface CallRecord extends CallInput {
  id: string;
  municipalityCode: string;
  status: StoredCallStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  publishedAt?: string;
  cancelledAt?: string;
  cancelReason?: string;
  /** Corrections since publication (functions/calls/update-call.ts). */
  changeCount?: number;
  lastChangedAt?: string;
  /** The latest correction, written with the call itself so the change log can never miss it. */
  lastChange?: CallChangeRecord;
  derivedFrom?: { callId: string; municipalityCode: string; title: string };
  // ── award issue: stage decisions (shared/domain/procedure.ts derives the phase from them) ──
  selection?: SelectionDecision;
  /** The award decision in force; a withdrawn one moves to withdrawnAwards. */
  award?: AwardDecision;
  withdrawnAwards?: AwardDecision[];
  contract?: ContractRecord;
}
