import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterProposalWrite } from './call-derived.js';
import type { ProposalInput } from '../../shared/schemas/proposals.js';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll, queryUpTo, type Key } from './paging.js';

export interface ProposalRecord extends ProposalInput {
  /** What was sent: innspill, request to take part or tender (absent on proposals stored before the award issue). */
  kind?: 'innspill' | 'request' | 'tender';
  callId: string;
  orgNumber: string;
  companyName: string;
  partners: string[];
  submittedAt: string;
  updatedAt: string;
  submittedBy: string;
}

function fromItem(item: Record<string, unknown>): ProposalRecord {
  const { pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk, ...rest } = item;
  void pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk;
  return rest as unknown as ProposalRecord;
}

/**
 * One proposal per company per call, as one item under a natural key. Create is a conditional put;
 * if the item already exists the same content becomes a conditional update instead. Any number of
 * concurrent identical PUTs therefore leave exactly one item, and each answers created or updated.
 */
export type ProposalStage = 'request' | 'tender';
/** Tenders of a two-stage procedure are their own items, outside the statistics and own-list indexes. */
const stageKey = (stage: ProposalStage, callId: string, orgNumber: string) =>
  stage === 'tender' ? keys.tender(callId, orgNumber) : keys.proposal(callId, orgNumber);
const OPTIONAL_FIELDS = ['priceNok', 'selfDeclaration', 'references', 'confidential', 'kind'] as const;
/** `references` is a DynamoDB reserved word: the newer fields go through attribute-name placeholders. */
const ref = (f: (typeof OPTIONAL_FIELDS)[number]) => (f === 'priceNok' ? f : `#${f}`);
const NAMES = Object.fromEntries(OPTIONAL_FIELDS.filter((f) => f !== 'priceNok').map((f) => [`#${f}`, f]));

export async function upsertProposal(p: ProposalRecord, stage: ProposalStage = 'request'): Promise<{ created: boolean; record: ProposalRecord }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...stageKey(stage, p.callId, p.orgNumber),
            type: stage === 'tender' ? 'tender' : 'proposal',
            ...p,
            ...(stage === 'tender' ? {} : {
              // gsi1: every proposal by submission time, for the programme statistics (no Scan).
              gsi1pk: keys.allProposals,
              gsi1sk: keys.allProposalsSort(p.submittedAt, p.callId, p.orgNumber),
              gsi2pk: keys.orgProposals(p.orgNumber),
              gsi2sk: keys.orgProposalSort(p.submittedAt, p.callId),
            }),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      if (stage === 'request') await afterProposalWrite(p.callId, 1);
      return { created: true, record: p };
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    try {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: stageKey(stage, p.callId, p.orgNumber),
          UpdateExpression:
            'SET summary = :summary, description = :description, partners = :partners, updatedAt = :u, companyName = :n, submittedBy = :by' +
            OPTIONAL_FIELDS.filter((f) => p[f] !== undefined).map((f) => `, ${ref(f)} = :${f}`).join('') +
            (OPTIONAL_FIELDS.some((f) => p[f] === undefined) ? ` REMOVE ${OPTIONAL_FIELDS.filter((f) => p[f] === undefined).map(ref).join(', ')}` : ''),
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: NAMES,
          ExpressionAttributeValues: {
            ':summary': p.summary,
            ':description': p.description,
            ':partners': p.partners,
            ':u': p.updatedAt,
            ':n': p.companyName,
            ':by': p.submittedBy,
            ...Object.fromEntries(OPTIONAL_FIELDS.filter((f) => p[f] !== undefined).map((f) => [`:${f}`, p[f]])),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { created: false, record: fromItem(out.Attributes!) };
    } catch (e) {
      // Withdrawn between our two writes: go round and create it again.
      if (!isConditionFailure(e)) throw e;
    }
  }
  throw new Error('proposal upsert did not settle after 3 attempts');
}

export async function getProposal(callId: string, orgNumber: string, stage: ProposalStage = 'request'): Promise<ProposalRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: stageKey(stage, callId, orgNumber) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/** True if a proposal was there to delete. */
export async function deleteProposal(callId: string, orgNumber: string, stage: ProposalStage = 'request'): Promise<boolean> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: table(),
        Key: stageKey(stage, callId, orgNumber),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    if (stage === 'request') await afterProposalWrite(callId, -1);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** All proposals to one call (a call has at most one per company, so this stays small). */
export async function listProposalsForCall(callId: string, stage: ProposalStage = 'request'): Promise<ProposalRecord[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':p': stage === 'tender' ? keys.tenderPrefix : keys.proposalPrefix },
  });
  return items.map(fromItem);
}

/** A company's proposals, newest first. */
export async function queryCompanyProposals(orgNumber: string, limit: number, startKey?: Key) {
  const out = await queryUpTo(
    {
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :s)',
      ExpressionAttributeValues: { ':p': keys.orgProposals(orgNumber), ':s': keys.proposalPrefix },
      ScanIndexForward: false,
    },
    limit,
    startKey,
  );
  return { items: out.items.map(fromItem), lastKey: out.lastKey };
}
