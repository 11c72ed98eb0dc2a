import { config } from '../core/config.js';
import { countCallChange, countProposalChange } from './aggregates.js';
import type { CallRecord } from './call-record.js';
import { syncPostings } from './call-postings.js';

/**
 * What follows from a call's write: its postings in the published-calls index and the statistics
 * counters. One function for both runtimes: in AWS the table's stream handler calls it with the old and
 * new image (DERIVED_WRITES=stream, so the API does not do it twice); locally (and with DynamoDB Local,
 * which the embedded engine's lack of streams forces) the data layer calls it right after each write.
 */
export async function applyCallChange(before: CallRecord | undefined, after: CallRecord | undefined): Promise<void> {
  await Promise.all([syncPostings(before, after), countCallChange(before, after)]);
}

export async function afterCallWrite(before: CallRecord | undefined, after: CallRecord | undefined): Promise<void> {
  if (config().derivedWrites === 'inline') await applyCallChange(before, after);
}

export async function afterProposalWrite(callId: string, sign: 1 | -1): Promise<void> {
  if (config().derivedWrites === 'inline') await countProposalChange(callId, sign);
}
