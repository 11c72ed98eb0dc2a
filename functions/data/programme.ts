/**
 * Data access for the programme statistics: everything is read through indexes (no Scan), and of
 * proposals only who answered which call and when (never their content).
 */
import { MUNICIPALITIES } from '../../shared/domain/municipalities.js';
import { listMunicipalityCalls, type CallRecord } from './calls.js';
import { table } from './client.js';
import { organisations } from './organisations.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';

/** Every call of every municipality, drafts and cancelled calls included. */
export const listAllCalls = async (): Promise<CallRecord[]> => (await Promise.all(MUNICIPALITIES.map(({ code }) => listMunicipalityCalls(code)))).flat();

/** Who answered which call, and when: the proposal's key facts, nothing of its content. */
export interface ProposalStamp {
  callId: string;
  orgNumber: string;
  submittedAt: string;
}

/** Every proposal, oldest first, from gsi1 `PROPOSALS` (projected down to the stamp). */
export async function listProposalStamps(): Promise<ProposalStamp[]> {
  const items = await queryAll<Record<string, unknown>>(
    {
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.allProposals },
      // The key attributes are needed to resume after the last item.
      ProjectionExpression: 'pk, sk, gsi1pk, gsi1sk, callId, orgNumber, submittedAt',
    },
    1000,
  );
  return items.map((item) => ({ callId: String(item.callId), orgNumber: String(item.orgNumber), submittedAt: String(item.submittedAt) }));
}

/** Whether each company is an SME (profiles that do not say are SMEs, as COMPANY_DEFAULTS has it). */
export async function getCompanySme(orgNumbers: string[]): Promise<Map<string, boolean>> {
  const found = await organisations.getMany(orgNumbers, ['id', 'sme']);
  return new Map(found.map((o) => [o.id, o.sme !== false]));
}

export interface PromotionStamp {
  callId: string;
  associationId: string;
  promotedAt: string;
  /** Counted views through the promotion link (public reach, not derived from proposals). */
  views?: number;
}

/** Associations' ids, from gsi1 `ORGS#association`. */
async function listAssociationIds(): Promise<string[]> {
  const items = await queryAll<Record<string, unknown>>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.organisationsOfKind('association') },
  });
  return items.flatMap((item) => (typeof item.id === 'string' ? [item.id] : []));
}

/**
 * Every association's promotions (gsi1 `ASSOC#<id>#PROMOS`) and accepted members (`ASSOC#<id>` /
 * `MEMBER#<org>`). Associations without either simply contribute nothing.
 */
export async function listPromotionsAndMembers(): Promise<{ promotions: PromotionStamp[]; acceptedMembers: Set<string> }> {
  const associationIds = await listAssociationIds();
  const promotions: PromotionStamp[] = [];
  const acceptedMembers = new Set<string>();
  await Promise.all(
    associationIds.map(async (associationId) => {
      const [promos, members] = await Promise.all([
        queryAll({
          TableName: table(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': keys.associationPromotions(associationId) },
        }),
        queryAll({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
          ExpressionAttributeValues: { ':pk': keys.membership(associationId, '').pk, ':m': keys.membershipPrefix },
        }),
      ]);
      for (const p of promos) {
        if (typeof p.callId === 'string' && typeof p.promotedAt === 'string') {
          promotions.push({
            callId: p.callId,
            associationId: typeof p.associationId === 'string' ? p.associationId : associationId,
            promotedAt: p.promotedAt,
            views: typeof p.views === 'number' ? p.views : 0,
          });
        }
      }
      for (const m of members) {
        if (m.status !== 'accepted') continue;
        const orgNumber = typeof m.orgNumber === 'string' ? m.orgNumber : String(m.sk).slice(keys.membershipPrefix.length);
        acceptedMembers.add(memberKey(associationId, orgNumber));
      }
    }),
  );
  return { promotions, acceptedMembers };
}

export const memberKey = (associationId: string, orgNumber: string) => `${associationId}#${orgNumber}`;
