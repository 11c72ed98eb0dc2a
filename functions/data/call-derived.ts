import { config } from '../core/config.js';
import type { CallRecord } from './call-record.js';
import { syncPostings } from './call-postings.js';
import { countCompanySme } from './aggregates.js';
import { refreshCallStats, refreshCompanyCalls } from './call-stats.js';

/**
 * What follows from a write: a call's postings in the published-calls index, and the statistics counters
 * of the call the write concerns. One set of functions for both runtimes: in AWS the table's stream handler
 * calls them with the old and new image (DERIVED_WRITES=stream, so the API does not do it twice); locally
 * (and with DynamoDB Local, which the embedded engine's lack of streams forces) the data layer calls the
 * `after…` functions right after each write.
 */
export async function applyCallChange(before: CallRecord | undefined, after: CallRecord | undefined): Promise<void> {
  const id = (after ?? before)?.id;
  await Promise.all([syncPostings(before, after), id ? refreshCallStats(id) : undefined]);
}

const inline = () => config().derivedWrites === 'inline';

export async function afterCallWrite(before: CallRecord | undefined, after: CallRecord | undefined): Promise<void> {
  if (inline()) await applyCallChange(before, after);
}

/** A first-stage proposal was submitted or withdrawn (its sign no longer matters: the call is re-derived). */
export async function afterProposalWrite(callId: string, _sign?: 1 | -1): Promise<void> {
  if (inline()) await refreshCallStats(callId);
}

/** An outcome was recorded: the call's proposals may now count. */
export async function afterOutcomeWrite(callId: string): Promise<void> {
  if (inline()) await refreshCallStats(callId);
}

/** A promotion was created: proposals after it by the association's members count as promoted. */
export async function afterPromotionWrite(p: { id: string; callId: string; associationId: string; promotedAt: string }): Promise<void> {
  if (inline()) await refreshCallStats(p.callId, p);
}

/** A membership's status changed. */
export async function afterMembershipWrite(orgNumber: string): Promise<void> {
  if (inline()) await refreshCompanyCalls(orgNumber);
}

/** A company profile was written: its SME flag moves the SME share where it counts. */
export async function afterCompanyWrite(orgNumber: string, sme: boolean | undefined): Promise<void> {
  if (inline()) await countCompanySme(orgNumber, sme !== false);
}
