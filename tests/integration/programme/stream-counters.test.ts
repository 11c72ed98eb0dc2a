/**
 * The counters as AWS keeps them: the API leaves derived writes to the table's stream (DERIVED_WRITES=stream)
 * and the stream consumer applies each changed item's record. The stream delivers at least once: every
 * record is handed over twice here, and the whole log once more at the end, and the figures still equal
 * the full recomputation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { startTestStack } from '../../support/local-stack.js';
import { resetConfig } from '../../../functions/core/config.js';
import { db, table } from '../../../functions/data/client.js';
import { keys } from '../../../functions/data/keys.js';
import { insertCall, replaceCall, type CallRecord } from '../../../functions/data/calls.js';
import { deleteProposal, upsertProposal } from '../../../functions/data/proposals.js';
import { putOutcome } from '../../../functions/data/sharing.js';
import { decidePendingMembership, insertMembership, insertPromotion } from '../../../functions/data/associations.js';
import { insertOrganisation, updateCompanyProfile } from '../../../functions/data/organisations.js';
import { handler } from '../../../functions/jobs/table-stream.js';
import type { StreamRecord } from '../../../functions/data/table-stream.js';
import { getProgrammeStats, resetProgrammeStatsCache } from '../../../functions/programme/get-programme-stats.js';
import { recomputeProgrammeStats } from '../../../functions/programme/recompute-stats.js';
import { draftOutcome } from '../../support/outcome.js';

let stack: Awaited<ReturnType<typeof startTestStack>>;
const log: StreamRecord[] = [];

beforeAll(async () => {
  stack = await startTestStack({ seed: false });
  process.env.DERIVED_WRITES = 'stream';
  resetConfig();
});
afterAll(() => {
  delete process.env.DERIVED_WRITES;
  resetConfig();
  return stack?.close();
});

const raw = async (key: { pk: string; sk: string }) => (await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item;

/** Writes through the data layer and hands the item's stream record to the consumer twice (at least once). */
async function written(key: { pk: string; sk: string }, write: () => Promise<unknown>): Promise<void> {
  const before = await raw(key);
  await write();
  const after = await raw(key);
  const record: StreamRecord = {
    eventName: before && after ? 'MODIFY' : after ? 'INSERT' : 'REMOVE',
    dynamodb: {
      ...(before ? { OldImage: marshall(before, { removeUndefinedValues: true }) } : {}),
      ...(after ? { NewImage: marshall(after, { removeUndefinedValues: true }) } : {}),
    },
  };
  log.push(record);
  expect(await handler({ Records: [record, record] })).toEqual({ batchItemFailures: [] });
}

async function figures() {
  resetProgrammeStatsCache();
  const [fromCounters, recomputed] = await Promise.all([getProgrammeStats(), recomputeProgrammeStats()]);
  return { fromCounters: { ...fromCounters, generatedAt: '' }, recomputed: { ...recomputed, generatedAt: '' } };
}

describe('counters from the table stream', () => {
  it('follow calls, proposals, outcomes, promotions, memberships and SME flags, each record delivered twice', async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const [a, b] = ['900000011', '900000012'];
    for (const id of [a, b])
      await written(keys.organisation(id), () => insertOrganisation({ id, kind: 'company', name: id, description: '', capabilities: [], cpvCodes: [] }));
    await written(keys.organisation('ASSOC-S'), () => insertOrganisation({ id: 'ASSOC-S', kind: 'association', name: 'Klyngen' }));
    const call: CallRecord = {
      id: ulid(),
      title: 'Utlysning',
      summary: 'Kort.',
      description: 'Beskrivelse.',
      domains: ['energy'],
      cpvCodes: [],
      deadline: iso(now + 86_400_000),
      procedure: 'market-dialogue',
      municipalityCode: '3105',
      status: 'open',
      publishedAt: iso(now - 3 * 86_400_000),
      version: 1,
      createdAt: iso(now),
      updatedAt: iso(now),
      createdBy: 'test',
    };
    // Nothing moves without the consumer: the API itself leaves the counters alone in this mode.
    await written(keys.call(call.id), async () => {
      await insertCall(call);
      expect((await getProgrammeStatsFresh()).calls.total).toBe(0);
    });
    expect((await getProgrammeStatsFresh()).calls.total).toBe(1);
    await insertPromotion({
      id: 'P-S',
      associationId: 'ASSOC-S',
      associationName: 'Klyngen',
      callId: call.id,
      callTitle: call.title,
      municipalityCode: '3105',
      callDeadline: call.deadline,
      note: '',
      promotedAt: iso(now - 2 * 86_400_000),
      promotedBy: 'test',
      views: 0,
      memberViewers: 0,
    });
    log.push({ eventName: 'INSERT', dynamodb: { NewImage: marshall((await raw(keys.promotion('P-S')))!) } });
    await handler({ Records: [log.at(-1)!, log.at(-1)!] });

    await written(keys.membership('ASSOC-S', a), () =>
      insertMembership({
        associationId: 'ASSOC-S',
        associationName: 'Klyngen',
        orgNumber: a,
        companyName: a,
        status: 'pending',
        requestedAt: iso(now),
        requestedBy: 'test',
      }),
    );
    for (const org of [a, b]) {
      await written(keys.proposal(call.id, org), () =>
        upsertProposal({
          callId: call.id,
          orgNumber: org,
          companyName: org,
          partners: [],
          summary: 'S',
          description: 'D',
          submittedAt: iso(now - 86_400_000),
          updatedAt: iso(now),
          submittedBy: 'test',
        } as never),
      );
    }
    await written(keys.call(call.id), () => replaceCall({ ...call, municipalityCode: '3107', version: 2 }, 1));
    await written(keys.outcome(call.id), () => putOutcome(draftOutcome(call, '3107', iso(now))));
    await written(keys.membership('ASSOC-S', a), () => decidePendingMembership('ASSOC-S', a, 'accepted', iso(now), 'test'));
    await written(keys.organisation(b), () => updateCompanyProfile(b, { name: b, description: '', capabilities: [], cpvCodes: [], sme: false }, iso(now)));

    let f = await figures();
    expect(f.fromCounters).toEqual(f.recomputed);
    expect(f.fromCounters.proposals).toMatchObject({ total: 2, distinctCompanies: 2, smeShare: 0.5, fromPromotions: 1, medianDaysToFirstProposal: 2 });
    expect(f.fromCounters.calls.byMunicipality.find((m) => m.key === '3107')?.count).toBe(1);

    await written(keys.proposal(call.id, b), () => deleteProposal(call.id, b));
    // The whole log once more, in order, as a retried batch would hand it over.
    expect(await handler({ Records: log })).toEqual({ batchItemFailures: [] });
    f = await figures();
    expect(f.fromCounters).toEqual(f.recomputed);
    expect(f.fromCounters.proposals).toMatchObject({ total: 1, distinctCompanies: 1, smeShare: 1, fromPromotions: 1 });
  });
});

async function getProgrammeStatsFresh() {
  resetProgrammeStatsCache();
  return getProgrammeStats();
}
