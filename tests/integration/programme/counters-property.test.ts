/**
 * The statistics counters, kept write by write, against the full recomputation: random sequences of writes
 * (drafts, publications, corrections that move a call's municipality, deadline or domains, cancellations,
 * contracts, deleted drafts, proposals and withdrawals, outcomes, promotions, memberships accepted, SME flags
 * changed, time passing) on real dynalite, through the data layer's own write functions. After every
 * sequence the dashboard read from counter items equals the figures read from everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { startTestStack } from '../../support/local-stack.js';
import { deleteDraftCall, insertCall, replaceCall, type CallRecord } from '../../../functions/data/calls.js';
import { deleteProposal, upsertProposal } from '../../../functions/data/proposals.js';
import { putOutcome } from '../../../functions/data/sharing.js';
import { decidePendingMembership, insertMembership, insertPromotion } from '../../../functions/data/associations.js';
import { insertOrganisation, updateCompanyProfile } from '../../../functions/data/organisations.js';
import { getProgrammeStats, resetProgrammeStatsCache } from '../../../functions/programme/get-programme-stats.js';
import { recomputeProgrammeStats } from '../../../functions/programme/recompute-stats.js';
import { resetClock, setClock } from '../../../functions/core/clock.js';
import { PROCEDURES } from '../../../shared/domain/vocabulary.js';
import { draftOutcome } from '../../support/outcome.js';

const MUNIS = ['3101', '3105', '3107'] as const;
const COMPANIES = ['900000001', '900000002', '900000003', '900000004'];
const MINUTE = 60_000;

let stack: Awaited<ReturnType<typeof startTestStack>>;
/** Virtual time, in whole minutes, so that days to the first proposal are exact to the minute (the counters' precision). */
let t = Date.parse('2031-03-02T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  stack = await startTestStack({ seed: false });
  for (const [i, id] of COMPANIES.entries())
    await insertOrganisation({ id, kind: 'company', name: `Firma ${i}`, description: '', capabilities: [], cpvCodes: [], ...(i === 3 ? { sme: false } : {}) });
});
afterAll(() => {
  resetClock();
  return stack?.close();
});

const op = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      muni: fc.constantFrom(...MUNIS),
      procedure: fc.constantFrom(...PROCEDURES),
      days: fc.integer({ min: -3, max: 20 }),
      publish: fc.boolean(),
      domains: fc.uniqueArray(fc.constantFrom('energy', 'mobility', 'health-welfare'), { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('publish' as const, 'cancel' as const, 'contract' as const, 'delete' as const, 'outcome' as const),
      call: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      call: fc.nat(),
      muni: fc.constantFrom(...MUNIS),
      days: fc.integer({ min: -2, max: 20 }),
      domains: fc.uniqueArray(fc.constantFrom('energy', 'water-waste'), { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constantFrom('propose' as const, 'withdraw' as const), call: fc.nat(), company: fc.constantFrom(...COMPANIES) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('promote' as const), call: fc.nat(), views: fc.constantFrom(0, 3, 20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('join' as const, 'accept' as const), company: fc.constantFrom(...COMPANIES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sme' as const), company: fc.constantFrom(...COMPANIES), sme: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('time' as const), minutes: fc.integer({ min: 1, max: 6 * 1440 }) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** The calls this run made, as last written (undefined once deleted). */
async function run(ops: Op[], calls: (CallRecord | undefined)[]): Promise<void> {
  // An association of its own per run, so that memberships start pending in every run.
  const ASSOCIATION = `ASSOC-${ulid(t)}`;
  await insertOrganisation({ id: ASSOCIATION, kind: 'association', name: 'Klyngen' });
  // Mostly the last few calls, so that proposals, promotions and outcomes meet on the same call.
  const pick = (n: number) => (calls.length ? calls[calls.length - 1 - (n % Math.min(3, calls.length))] : undefined);
  const replace = async (c: CallRecord, next: Partial<CallRecord>) => {
    const written = { ...c, ...next, version: c.version + 1, updatedAt: iso(t) } as CallRecord;
    expect(await replaceCall(written, c.version)).toBe(true);
    calls[calls.indexOf(c)] = written;
  };
  for (const o of ops) {
    switch (o.kind) {
      case 'create': {
        const call: CallRecord = {
          id: ulid(t),
          title: 'Utlysning',
          summary: 'Kort.',
          description: 'Beskrivelse.',
          domains: o.domains as CallRecord['domains'],
          cpvCodes: [],
          deadline: iso(t + o.days * 1440 * MINUTE + 37 * MINUTE),
          procedure: o.procedure,
          municipalityCode: o.muni,
          status: o.publish ? 'open' : 'draft',
          ...(o.publish ? { publishedAt: iso(t) } : {}),
          version: 1,
          createdAt: iso(t),
          updatedAt: iso(t),
          createdBy: 'test',
        };
        await insertCall(call);
        calls.push(call);
        break;
      }
      case 'publish': {
        const c = pick(o.call);
        if (c?.status === 'draft') await replace(c, { status: 'open', publishedAt: iso(t) });
        break;
      }
      case 'cancel': {
        const c = pick(o.call);
        if (c?.status === 'open') await replace(c, { status: 'cancelled', cancelledAt: iso(t) });
        break;
      }
      case 'contract': {
        const c = pick(o.call);
        if (c?.status === 'open' && !c.contract) await replace(c, { contract: { signedAt: iso(t), valueNok: 1, recordedAt: iso(t), recordedBy: 'test' } });
        break;
      }
      case 'correct': {
        const c = pick(o.call);
        if (c && c.status !== 'cancelled')
          await replace(c, { municipalityCode: o.muni, deadline: iso(t + o.days * 1440 * MINUTE), domains: o.domains as CallRecord['domains'] });
        break;
      }
      case 'delete': {
        const c = pick(o.call);
        if (c?.status === 'draft' && (await deleteDraftCall(c))) calls[calls.indexOf(c)] = undefined;
        break;
      }
      case 'outcome': {
        const c = pick(o.call);
        if (c?.publishedAt) {
          await putOutcome(draftOutcome(c, c.municipalityCode, iso(t)));
        }
        break;
      }
      case 'propose':
      case 'withdraw': {
        const c = pick(o.call);
        if (!c) break;
        if (o.kind === 'withdraw') {
          await deleteProposal(c.id, o.company);
          break;
        }
        await upsertProposal({
          callId: c.id,
          orgNumber: o.company,
          companyName: 'Firma',
          partners: [],
          summary: 'Forslag',
          description: 'Tekst',
          submittedAt: iso(t),
          updatedAt: iso(t),
          submittedBy: 'test',
        } as never);
        break;
      }
      case 'promote': {
        const c = pick(o.call);
        if (c?.publishedAt) {
          await insertPromotion({
            id: `${ASSOCIATION}-${c.id}`,
            associationId: ASSOCIATION,
            associationName: 'Klyngen',
            callId: c.id,
            callTitle: c.title,
            municipalityCode: c.municipalityCode,
            callDeadline: c.deadline,
            note: '',
            promotedAt: iso(t),
            promotedBy: 'test',
            views: o.views,
            memberViewers: 0,
          });
        }
        break;
      }
      case 'join':
        await requestMembership(ASSOCIATION, o.company, t);
        break;
      case 'accept':
        // A request first when there is none (a declined or accepted one stays as it is).
        await requestMembership(ASSOCIATION, o.company, t);
        await decidePendingMembership(ASSOCIATION, o.company, 'accepted', iso(t), 'test');
        break;
      case 'sme':
        await updateCompanyProfile(o.company, { name: 'Firma', description: '', capabilities: [], cpvCodes: [], sme: o.sme }, iso(t));
        break;
      case 'time':
        t += o.minutes * MINUTE;
        break;
    }
    t += MINUTE;
  }
}

/** What the runs reached, so that the equality is not only one of empty figures. */
const seen = { promoted: false, companies: false, notSme: false, daysToFirst: false, closed: false };

/** A pending membership request of a company, as the association page makes one. */
const requestMembership = (associationId: string, company: string, t: number) =>
  insertMembership({
    associationId,
    associationName: 'Klyngen',
    orgNumber: company,
    companyName: 'Firma',
    status: 'pending',
    requestedAt: iso(t),
    requestedBy: 'test',
  });

describe('counters kept write by write', () => {
  it('equal the full recomputation after any sequence of writes, at any later time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 60, size: 'max' }), fc.integer({ min: 0, max: 30 * 1440 }), async (ops, later) => {
        await run(ops, []);
        for (const at of [t, t + later * MINUTE]) {
          setClock(new Date(at));
          resetProgrammeStatsCache();
          const [fromCounters, recomputed] = await Promise.all([getProgrammeStats(), recomputeProgrammeStats()]);
          expect({ ...fromCounters, generatedAt: '' }).toEqual({ ...recomputed, generatedAt: '' });
          const p = fromCounters.proposals;
          seen.promoted ||= p.fromPromotions > 0;
          seen.companies ||= p.distinctCompanies > 1;
          seen.notSme ||= (p.smeShare ?? 1) < 1;
          seen.daysToFirst ||= p.medianDaysToFirstProposal !== null;
          seen.closed ||= fromCounters.calls.byStatus.some((x) => x.key === 'closed' && x.count > 0);
        }
      }),
      { numRuns: 30, seed: 20261202 },
    );
    // The runs did reach the figures that depend on chosen partners (not only call counts).
    expect(seen).toEqual({ promoted: true, companies: true, notSme: true, daysToFirst: true, closed: true });
  }, 300_000);
});
