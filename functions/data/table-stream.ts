import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { applyCallChange } from './call-derived.js';
import { countProposalChange } from './aggregates.js';
import type { CallRecord } from './call-record.js';
import { calls } from './calls.js';

/** One record of the table's stream (NEW_AND_OLD_IMAGES), as Lambda hands it over. */
export interface StreamRecord {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  dynamodb?: { OldImage?: Record<string, AttributeValue>; NewImage?: Record<string, AttributeValue> };
}

const image = (i: Record<string, AttributeValue> | undefined) => (i ? (unmarshall(i) as Record<string, unknown>) : undefined);

const asCall = (item: Record<string, unknown> | undefined): CallRecord | undefined => (item?.type === 'call' ? calls.fromItem(item) : undefined);

/**
 * The derived writes of one changed item, in AWS (the local runtime does the same inline): a call's
 * postings and counters, a proposal's counters. Other item types change nothing derived.
 */
export async function applyStreamRecord(record: StreamRecord): Promise<void> {
  const before = image(record.dynamodb?.OldImage);
  const after = image(record.dynamodb?.NewImage);
  const type = (after ?? before)?.type;
  if (type === 'call') return applyCallChange(asCall(before), asCall(after));
  if (type === 'proposal') {
    const callId = String((after ?? before)!.callId);
    if (!before && after) return countProposalChange(callId, 1);
    if (before && !after) return countProposalChange(callId, -1);
  }
}

/** Whether the record changed a company profile (the match snapshot then needs rewriting). */
export function isCompanyChange(record: StreamRecord): boolean {
  const item = image(record.dynamodb?.NewImage);
  return item?.type === 'organisation' && item.kind === 'company';
}
