import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { applyCallChange } from './call-derived.js';
import { refreshCallStats, refreshCompanyCalls, refreshCompanySme } from './call-stats.js';
import type { CallRecord } from './call-record.js';
import { calls } from './calls.js';

/** One record of the table's stream (NEW_AND_OLD_IMAGES), as Lambda hands it over. */
export interface StreamRecord {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  dynamodb?: { OldImage?: Record<string, AttributeValue>; NewImage?: Record<string, AttributeValue> };
}

type Image = Record<string, unknown> | undefined;
const image = (i: Record<string, AttributeValue> | undefined): Image => (i ? (unmarshall(i) as Record<string, unknown>) : undefined);

const asCall = (item: Image): CallRecord | undefined => (item?.type === 'call' ? calls.fromItem(item) : undefined);
/** Whether an attribute differs between the images (an item created or deleted differs in all). */
const changed = (before: Image, after: Image, ...names: string[]) => !before || !after || names.some((n) => before[n] !== after[n]);
const accepted = (m: Image) => m?.status === 'accepted';

/**
 * The derived writes of one changed item, in AWS (the local runtime does the same inline, call-derived.ts):
 * a call's postings, and the statistics counters of the call a call, proposal, outcome or promotion concerns;
 * a membership that becomes or stops being accepted re-derives the calls its company answered; a company's
 * SME flag moves the SME share. Everything else (a promotion's view counter, a proposal's text) derives nothing.
 * Re-deriving is idempotent, so a record delivered twice changes nothing twice.
 */
export async function applyStreamRecord(record: StreamRecord): Promise<void> {
  const before = image(record.dynamodb?.OldImage);
  const after = image(record.dynamodb?.NewImage);
  const item = (after ?? before)!;
  switch (item?.type) {
    case 'call':
      return applyCallChange(asCall(before), asCall(after));
    case 'proposal':
      if (changed(before, after, 'submittedAt')) return refreshCallStats(String(item.callId));
      return;
    case 'outcome':
      if (!before || !after) return refreshCallStats(String(item.callId));
      return;
    case 'promotion':
      if (changed(before, after, 'callId', 'promotedAt', 'associationId')) {
        if (before && before.callId !== after?.callId) await refreshCallStats(String(before.callId));
        if (after)
          return refreshCallStats(String(after.callId), {
            id: String(after.id),
            associationId: String(after.associationId),
            promotedAt: String(after.promotedAt),
          });
      }
      return;
    case 'membership':
      if (accepted(before) !== accepted(after)) return refreshCompanyCalls(String(item.orgNumber));
      return;
    case 'organisation':
      if (item.kind === 'company' && after && (before?.sme !== false) !== (after.sme !== false)) return refreshCompanySme(String(after.id));
      return;
  }
}

/** Whether the record changed a company profile (the match snapshot then needs rewriting). */
export function isCompanyChange(record: StreamRecord): boolean {
  const item = image(record.dynamodb?.NewImage);
  return item?.type === 'organisation' && item.kind === 'company';
}
