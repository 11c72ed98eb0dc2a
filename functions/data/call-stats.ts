/**
 * Keeps the statistics counters in step with the facts around one call: re-derives the call's contribution
 * from what is stored now (call, outcome, proposals, promotions, memberships), diffs it with the one it last
 * made, and applies the difference. Being state-based, a replayed or reordered trigger changes nothing twice
 * (the stream delivers at least once); concurrent refreshes of one call are serialised by the contribution's
 * version (a conditional put; the loser reads again). It reads items by key rather than through the data
 * modules whose writes call it (calls, proposals, associations, organisations), which would be an import cycle.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from './batch-write.js';
import { db, table } from './client.js';
import { keys } from './keys.js';
import { batchGetItems } from './entity.js';
import { queryAll } from './paging.js';
import type { CallRecord } from './call-record.js';
import { contributionOf, partnersChosen, type CallFacts, type Contribution } from '../programme/call-contribution.js';
import { addContribution, applyDeltas, companyChanges, contributions, countCompanyChanges, countCompanySme, type Deltas } from './aggregates.js';

interface Promo {
  id: string;
  associationId: string;
  promotedAt: string;
}

const getItem = async (key: { pk: string; sk: string }, projection?: string) =>
  (await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true, ...(projection ? { ProjectionExpression: projection } : {}) }))).Item;
const str = (v: unknown) => String(v);

/** The facts a call's contribution depends on, read consistently where the table allows (not from the gsi2 of promotions). */
async function readCallFacts(callId: string, promotion?: Promo): Promise<CallFacts | undefined> {
  const [call, outcome, proposals, listed] = await Promise.all([
    getItem(keys.call(callId)),
    getItem(keys.outcome(callId), 'pk'),
    queryProposalStamps(callId),
    queryAll<Record<string, unknown>>({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.callPromotions(callId) },
    }),
  ]);
  if (!call) return undefined;
  // The stored item has the record's attributes (and keys and index attributes, which nothing here reads).
  const record = call as unknown as CallRecord;
  const hasOutcome = !!outcome;
  // The promotion that triggered this may not be in the index yet (gsi2 is eventually consistent).
  const promos: Promo[] = [
    ...listed.filter((p) => p.id !== promotion?.id).map((p) => ({ id: str(p.id), associationId: str(p.associationId), promotedAt: str(p.promotedAt) })),
    ...(promotion ? [promotion] : []),
  ];
  const accepted = new Set<string>();
  if (partnersChosen(record, hasOutcome) && promos.length > 0) {
    const pairs = promos.flatMap((pr) =>
      proposals.filter((p) => Date.parse(p.submittedAt) > Date.parse(pr.promotedAt)).map((p) => ({ associationId: pr.associationId, orgNumber: p.orgNumber })),
    );
    const found = await Promise.all(pairs.map((k) => getItem(keys.membership(k.associationId, k.orgNumber))));
    for (const [i, m] of found.entries()) if (m?.status === 'accepted') accepted.add(`${pairs[i]!.associationId}#${pairs[i]!.orgNumber}`);
  }
  return { call: record, hasOutcome, proposals, promotions: promos, accepted: (a, o) => accepted.has(`${a}#${o}`) };
}

async function queryProposalStamps(callId: string) {
  const items = await queryAll<Record<string, unknown>>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':p': keys.proposalPrefix },
    ProjectionExpression: 'pk, sk, orgNumber, submittedAt',
    ConsistentRead: true,
  });
  return items.map((i) => ({ orgNumber: str(i.orgNumber), submittedAt: str(i.submittedAt) }));
}

const same = (a: Contribution | undefined, b: Contribution | undefined) =>
  JSON.stringify(a && [a.municipalityCode, Object.entries(a.counts).sort(), a.orgs]) ===
  JSON.stringify(b && [b.municipalityCode, Object.entries(b.counts).sort(), b.orgs]);

/** Brings the counters in step with the call as stored now (a deleted call takes back all it counted). */
export async function refreshCallStats(callId: string, promotion?: Promo): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await contributions.get(callId, { consistent: true });
    const facts = await readCallFacts(callId, promotion);
    const next = facts && contributionOf(facts);
    if (same(stored, next)) return;
    const version = stored?.version ?? 0;
    const condition = stored ? { condition: '#v = :v', names: { '#v': 'version' }, values: { ':v': version } } : { condition: 'attribute_not_exists(pk)' };
    const won = next ? await contributions.putIf({ ...next, callId, version: version + 1 }, condition) : await contributions.remove(callId, condition);
    if (!won) continue;
    const deltas: Deltas = new Map();
    addContribution(deltas, stored, -1);
    addContribution(deltas, next, 1);
    const changes = companyChanges(stored, next);
    if (changes.size > 0) {
      const flags = await batchGetItems(
        [...changes.keys()].map((org) => keys.organisation(org)),
        { ProjectionExpression: '#i, #s', ExpressionAttributeNames: { '#i': 'id', '#s': 'sme' } },
      );
      const notSme = new Set(flags.filter((o) => o.sme === false).map((o) => str(o.id)));
      await countCompanyChanges(changes, (org) => !notSme.has(org), deltas);
    }
    await applyDeltas(deltas);
    return;
  }
  throw new Error(`statistics of call ${callId} did not settle after 5 attempts`);
}

/** A membership changed: the calls the company answered may count its proposals as promoted, or no longer. */
export async function refreshCompanyCalls(orgNumber: string): Promise<void> {
  const answered = await queryAll<Record<string, unknown>>({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :s)',
    ExpressionAttributeValues: { ':p': keys.orgProposals(orgNumber), ':s': keys.proposalPrefix },
  });
  for (const callId of new Set(answered.map((p) => str(p.callId)))) await refreshCallStats(callId);
}

/** A company profile changed: its SME flag as stored now (not as the change said) moves the SME share. */
export async function refreshCompanySme(orgNumber: string): Promise<void> {
  const org = await getItem(keys.organisation(orgNumber));
  if (org?.kind === 'company') await countCompanySme(orgNumber, org.sme !== false);
}

/**
 * Drops every statistics item and re-derives each call's contribution: the one-off when the counters are first
 * deployed onto a table with data, or after the crash window of docs/data-model.md «At-least-once delivery».
 * It scans the table, so it is an operator's tool (scripts/rebuild-statistics.ts), never a request path, and
 * wants a quiet table: a write that lands between the drop and its call's refresh is counted by that refresh.
 */
export async function rebuildStatistics(log: (s: string) => void = () => {}): Promise<number> {
  const statistics: { pk: string; sk: string }[] = [];
  const callIds: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new ScanCommand({
        TableName: table(),
        FilterExpression: 'begins_with(pk, :stats) OR #type = :call',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':stats': 'STATS#', ':call': 'call' },
        ProjectionExpression: 'pk, sk, #type, id',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.type === 'call') callIds.push(str(item.id));
      else statistics.push({ pk: str(item.pk), sk: str(item.sk) });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  await batchWrite([], statistics);
  log(`dropped ${statistics.length} statistics items; re-deriving ${callIds.length} calls`);
  for (const id of callIds) await refreshCallStats(id);
  return callIds.length;
}
