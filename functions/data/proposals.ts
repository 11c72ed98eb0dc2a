import { afterProposalWrite } from './call-derived.js';
import type { ProposalInput } from '../../shared/schemas/proposals.js';
import { entity } from './entity.js';
import { keys } from './keys.js';
import type { Key } from './paging.js';

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

type ProposalRef = Pick<ProposalRecord, 'callId' | 'orgNumber'>;

export const proposals = entity<ProposalRecord, ProposalRef>({
  type: 'proposal',
  description: "A company's proposal to a call (innspill, or the request to take part in a two-stage procedure): one per company per call",
  key: (p) => keys.proposal(p.callId, p.orgNumber),
  indexes: (p) => ({
    // gsi1: every proposal by submission time, for the programme statistics (no Scan).
    gsi1pk: keys.allProposals,
    gsi1sk: keys.allProposalsSort(p.submittedAt, p.callId, p.orgNumber),
    gsi2pk: keys.orgProposals(p.orgNumber),
    gsi2sk: keys.orgProposalSort(p.submittedAt, p.callId),
  }),
  patterns: [
    { name: 'one proposal', index: 'table', partition: 'CALL#<callId>', sort: 'PROPOSAL#<orgNumber>' },
    { name: 'all proposals to a call', index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(PROPOSAL#)' },
    { name: 'every proposal by submission time (statistics)', index: 'gsi1', partition: 'PROPOSALS', sort: '<submittedAt>#<callId>#<orgNumber>' },
    { name: "a company's proposals, newest first", index: 'gsi2', partition: 'ORG#<orgNumber>', sort: 'begins_with(PROPOSAL#)' },
  ],
});

/** Tenders of a two-stage procedure are their own items, outside the statistics and own-list indexes. */
export const tenders = entity<ProposalRecord, ProposalRef>({
  type: 'tender',
  description: "A selected company's tender in a two-stage procedure (its request stays under PROPOSAL#)",
  key: (p) => keys.tender(p.callId, p.orgNumber),
  patterns: [
    { name: 'one tender', index: 'table', partition: 'CALL#<callId>', sort: 'TENDER#<orgNumber>' },
    { name: 'all tenders to a call', index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(TENDER#)' },
  ],
});

export type ProposalStage = 'request' | 'tender';
const stored = (stage: ProposalStage) => (stage === 'tender' ? tenders : proposals);

/**
 * One proposal per company per call, as one item under a natural key. Create is a conditional put;
 * if the item already exists the same content becomes a conditional update instead. Any number of
 * concurrent identical PUTs therefore leave exactly one item, and each answers created or updated.
 */
export async function upsertProposal(p: ProposalRecord, stage: ProposalStage = 'request'): Promise<{ created: boolean; record: ProposalRecord }> {
  const items = stored(stage);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await items.putIfAbsent(p)) {
      // Statistics counters (call-derived.ts): inline locally, from the table stream in AWS.
      if (stage === 'request') await afterProposalWrite(p.callId, 1);
      return { created: true, record: p };
    }
    // Optional fields left out are removed (undefined in `set`), so an update says what the PUT said.
    const { summary, description, partners, updatedAt, companyName, submittedBy, priceNok, selfDeclaration, references, confidential, kind } = p;
    const record = await items.update(p, {
      set: { summary, description, partners, updatedAt, companyName, submittedBy, priceNok, selfDeclaration, references, confidential, kind },
    });
    if (record) return { created: false, record };
    // Withdrawn between our two writes: go round and create it again.
  }
  throw new Error('proposal upsert did not settle after 3 attempts');
}

export const getProposal = (callId: string, orgNumber: string, stage: ProposalStage = 'request') => stored(stage).get({ callId, orgNumber });

/** True if a proposal was there to delete. */
export async function deleteProposal(callId: string, orgNumber: string, stage: ProposalStage = 'request'): Promise<boolean> {
  const removed = await stored(stage).remove({ callId, orgNumber }, { condition: 'attribute_exists(pk)' });
  if (removed && stage === 'request') await afterProposalWrite(callId, -1);
  return removed;
}

/** All proposals to one call (a call has at most one per company, so this stays small). */
export const listProposalsForCall = (callId: string, stage: ProposalStage = 'request') =>
  stored(stage).queryEvery({ partition: keys.call(callId).pk, sort: { beginsWith: stage === 'tender' ? keys.tenderPrefix : keys.proposalPrefix } });

/** A company's proposals, newest first. */
export const queryCompanyProposals = (orgNumber: string, limit: number, startKey?: Key) =>
  proposals.query({ index: 'gsi2', partition: keys.orgProposals(orgNumber), sort: { beginsWith: keys.proposalPrefix }, newestFirst: true }, limit, startKey);
