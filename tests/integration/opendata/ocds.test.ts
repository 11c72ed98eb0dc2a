import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, callBody, proposalBody, passTime, serverNow } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { db, table } from '../../../functions/data/client.js';
import { keys } from '../../../functions/data/keys.js';
import { PROPOSAL_TEXTS } from '../../../infra/local/demo-data.js';
import { MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { isValidOrgNumber } from '../../../shared/domain/org-number.js';

/**
 * The demo installation's OCDS output, validated against the OCDS 1.1.5 JSON Schemas themselves
 * (tests/fixtures/ocds-1.1.5, Apache-2.0, Open Contracting Partnership), plus the modelling rules a data
 * user relies on and the schema cannot check.
 */
const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/ocds-1.1.5/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// Only for a record's optional versionedRelease, which is not published.
ajv.addSchema({ id: 'https://standard.open-contracting.org/schema/1__1__5/versioned-release-validation-schema.json' });
const validRelease = ajv.compile(schema('release-schema.json'));
const validReleasePackage = ajv.compile(schema('release-package-schema.json'));
const validRecordPackage = ajv.compile(schema('record-package-schema.json'));

const OCID = /^ocds-demo00-[0-9A-HJKMNP-TV-Z]{26}$/;
type Release = any;

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'sarpsborgCompany', 'otherCompany'] as const) t[who] = await stack.client.login(users[who]);
});
afterAll(() => stack?.close());

async function getPackage(path: string) {
  const res = await stack.client.call('GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(validReleasePackage(res.body), JSON.stringify(validReleasePackage.errors?.slice(0, 5))).toBe(true);
  for (const r of res.body.releases) expect(validRelease(r), JSON.stringify(validRelease.errors?.slice(0, 5))).toBe(true);
  if (res.body.links)
    expect(res.body.extensions).toContain('https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/master/extension.json');
  return { body: res.body, raw: JSON.stringify(res.body) };
}

/** Every release, following links.next (made relative: the links use PUBLIC_BASE_URL). */
async function allReleases(limit: number): Promise<{ releases: Release[]; pages: number; raw: string }> {
  const releases: Release[] = [];
  let raw = '';
  let path: string | undefined = `/api/ocds/releases?limit=${limit}`;
  let pages = 0;
  while (path) {
    const { body, raw: text } = await getPackage(path);
    expect(new Set(body.releases.map((r: Release) => r.ocid)).size).toBeLessThanOrEqual(limit);
    releases.push(...body.releases);
    raw += text;
    pages++;
    path = body.links?.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : undefined;
    expect(pages).toBeLessThan(100);
  }
  return { releases, pages, raw };
}

const listed = async (status: 'open' | 'closed' | 'cancelled') => (await stack.client.call('GET', `/api/calls?status=${status}&limit=100`)).body.items as any[];

describe('OCDS release package', () => {
  it('validates against the OCDS 1.1.5 release package and release schemas, with package metadata', async () => {
    const { body } = await getPackage('/api/ocds/releases');
    expect(body.version).toBe('1.1');
    expect(body.releases.length).toBeGreaterThan(0);
    expect(body.releases.every((r: Release) => OCID.test(r.ocid))).toBe(true);
    expect(Date.parse(body.publishedDate)).toBe(Math.max(...body.releases.map((r: Release) => Date.parse(r.date))));
  });

  it('gives every party an identifier: NO-BRC with a MOD11-valid organisasjonsnummer; SSB names; NUTS NO083', async () => {
    const { releases } = await allReleases(100);
    for (const r of releases) {
      for (const p of r.parties) {
        expect(p.identifier?.scheme, p.name).toBe('NO-BRC');
        expect(isValidOrgNumber(p.identifier.id), p.identifier.id).toBe(true);
        expect(p.id).toBe(`NO-BRC-${p.identifier.id}`);
      }
      const buyer = r.parties.find((p: any) => p.roles.includes('buyer'));
      const m = MUNICIPALITIES.find((x) => x.orgNumber === buyer.identifier.id)!;
      expect(m).toBeDefined();
      expect(buyer.address).toEqual({ locality: m.ssbName, region: 'NO083', countryName: 'Norge' });
    }
    expect(releases.some((r) => r.parties[0].address.locality === 'Våler (Østfold)')).toBe(true);
  });

  it('uses a validator that can fail: a status outside the codelist, a missing required field', async () => {
    const [r] = (await allReleases(100)).releases;
    expect(validRelease({ ...r, tender: { ...r.tender, status: 'closed' } })).toBe(false);
    const { initiationType: _i, ...withoutInitiation } = r;
    expect(validRelease(withoutInitiation)).toBe(false);
    expect(validReleasePackage({ releases: [r] })).toBe(false);
  });

  it('pages with a signed cursor and links.next, covering every published call once, a release per change of state', async () => {
    const { releases, pages } = await allReleases(7);
    expect(pages).toBeGreaterThan(1);
    const ids = releases.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byOcid = new Map<string, Release[]>();
    for (const r of releases) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
    const open = await listed('open');
    const closed = await listed('closed');
    const published = [...open, ...closed].map((c) => c.id);
    for (const id of published) expect(byOcid.has(`ocds-demo00-${id}`), id).toBe(true);
    for (const [, rs] of byOcid) {
      // In date order, the first announcing the process, each tag following the release it follows.
      expect(rs.map((r) => r.date)).toEqual([...rs.map((r) => r.date)].sort());
      const tags = rs.map((r) => r.tag[0]);
      expect(['planning', 'tender']).toContain(tags[0]);
      if (tags.includes('tenderCancellation')) expect(tags.indexOf('tenderCancellation')).toBeGreaterThan(tags.indexOf('tender'));
      for (const r of rs) expect(r.tag).toHaveLength(1);
      const last = rs[rs.length - 1]!;
      // No 'complete' without a contract: a passed deadline leaves a tender active.
      if (tags.includes('contract')) expect(last.tender.status).toBe('complete');
      else expect(['planning', 'active', 'cancelled', 'withdrawn']).toContain(last.tender.status);
    }
    // Market dialogues are planning, never tenders.
    const dialogues = releases.filter((r) => r.tag[0] === 'planning');
    expect(dialogues.length).toBeGreaterThan(0);
    for (const r of dialogues) {
      expect(r.tender.status).toBe('planning');
      expect(r.tender.procurementMethod).toBeUndefined();
      expect(r.planning.documents[0].documentType).toBe('plannedProcurementNotice');
    }
    // Closed calls with no contract stay active.
    for (const c of closed.filter((x) => x.procedure !== 'market-dialogue' && x.phase !== 'contracted')) {
      const rs = byOcid.get(`ocds-demo00-${c.id}`)!;
      expect(rs[rs.length - 1]!.tender.status).toBe('active');
    }
    // The demo data has three calls cancelled after publishing.
    expect(releases.filter((r) => ['cancelled', 'withdrawn'].includes(r.tender.status)).length).toBeGreaterThanOrEqual(3);
    // The same set at another page size.
    const { releases: again } = await allReleases(100);
    expect(again.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('maps a call faithfully: tender, period, value, the item bought with its CPV codes, procedure, buyer party', async () => {
    const call = (await listed('open')).find((c) => c.procedure !== 'market-dialogue' && c.cpvCodes.length > 1)!;
    const { releases } = await allReleases(100);
    const r = releases.find((x) => x.tender.id === call.id)!;
    expect(r.ocid).toBe(`ocds-demo00-${call.id}`);
    expect(r.tag).toEqual(['tender']);
    expect(r.tender).toMatchObject({ title: call.title, description: call.summary, status: 'active' });
    expect(r.tender.tenderPeriod).toEqual({ startDate: call.publishedAt, endDate: call.deadline });
    expect(r.tender.items).toEqual([
      {
        id: '1',
        description: call.summary,
        classification: { scheme: 'CPV', id: call.cpvCodes[0], description: call.cpvLabels[call.cpvCodes[0]].nb },
        additionalClassifications: call.cpvCodes.slice(1).map((code: string) => ({ scheme: 'CPV', id: code, description: call.cpvLabels[code].nb })),
      },
    ]);
    if (call.budgetNok?.max !== undefined) expect(r.tender.value).toEqual({ amount: call.budgetNok.max, currency: 'NOK' });
    else expect(r.tender.value).toBeUndefined();
    const buyer = r.parties.find((p: any) => p.id === r.buyer.id)!;
    const m = MUNICIPALITIES.find((x) => x.code === call.municipalityCode)!;
    expect(buyer).toMatchObject({ identifier: { scheme: 'NO-BRC', id: m.orgNumber }, roles: ['buyer', 'procuringEntity'] });
    for (const x of releases) {
      if (x.tender.procurementMethodDetails === 'Innovasjonspartnerskap') expect(x.tender.procurementMethod).toBe('selective');
      if (x.tender.procurementMethodDetails === 'Førkommersiell anskaffelse') expect(x.tender.procurementMethod).toBe('open');
      expect(x.tender.status === 'cancelled').toBe(x.tag.includes('tenderCancellation'));
    }
  });

  it('answers in English with ?lang=en or Accept-Language, bokmål by default', async () => {
    const call = (await listed('open')).find((c) => c.procedure === 'innovation-partnership')!;
    const find = (body: any) => body.releases.find((r: Release) => r.tender.id === call.id);
    const nb = find((await getPackage('/api/ocds/releases?limit=100')).body);
    const en = find((await getPackage('/api/ocds/releases?limit=100&lang=en')).body);
    expect(nb.language).toBe('nb');
    expect(nb.tender.procurementMethodDetails).toBe('Innovasjonspartnerskap');
    expect(en.language).toBe('en');
    expect(en.tender.procurementMethodDetails).toBe('Innovation partnership');
    expect(en.tender.items[0].classification.description).toBe(call.cpvLabels[call.cpvCodes[0]].en);
    const viaHeader = await stack.client.call('GET', '/api/ocds/releases?limit=100', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(find(viaHeader.body).language).toBe('en');
    expect(viaHeader.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('leaves out drafts and calls cancelled as drafts; keeps calls cancelled after publishing', async () => {
    const draft = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ title: 'Hemmelig utkast til OCDS' }) })).body;
    const cancelledDraft = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() })).body;
    await stack.client.call('POST', `/api/calls/${cancelledDraft.id}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
    const pubThenCancel = (
      await stack.client.call('POST', '/api/calls', {
        token: t.fredrikstad,
        body: callBody({ procedure: 'market-dialogue', awardCriteria: undefined, climateRequirements: undefined }),
      })
    ).body;
    await stack.client.call('POST', `/api/calls/${pubThenCancel.id}/publish`, { token: t.fredrikstad });
    await stack.client.call('POST', `/api/calls/${pubThenCancel.id}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });

    const { releases, raw } = await allReleases(50);
    const ids = releases.map((r) => r.tender.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(cancelledDraft.id);
    expect(raw).not.toContain('Hemmelig utkast');
    const cancelled = releases.filter((r) => r.tender.id === pubThenCancel.id);
    expect(cancelled.map((r) => [r.tag, r.tender.status])).toEqual([
      [['planning'], 'planning'],
      [['planningUpdate'], 'withdrawn'],
    ]);
    const tender = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ procedure: 'competitive-negotiation' }) })).body;
    await stack.client.call('POST', `/api/calls/${tender.id}/publish`, { token: t.fredrikstad });
    await stack.client.call('POST', `/api/calls/${tender.id}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
    const after = (await allReleases(50)).releases.filter((r) => r.tender.id === tender.id);
    expect(after.map((r) => [r.tag, r.tender.status])).toEqual([
      [['tender'], 'active'],
      [['tenderCancellation'], 'cancelled'],
    ]);
  });

  it('publishes nothing from proposals', async () => {
    const [call] = await listed('open');
    await stack.client.call('PUT', `/api/calls/${call.id}/proposals/mine`, {
      token: t.sarpsborgCompany,
      body: proposalBody({ summary: 'Forseglet tilbudstekst som aldri må lekke', priceNok: 123456789 }),
    });
    const { raw } = await allReleases(100);
    expect(raw).not.toContain('Forseglet tilbudstekst');
    expect(raw).not.toContain('123456789');
    for (const text of PROPOSAL_TEXTS) expect(raw).not.toContain(text.summary);
    for (const field of ['tenderers', 'bids', 'priceNok']) expect(raw).not.toContain(`"${field}"`);
    // How many tendered is published once the contract is signed, never before.
    const { releases } = await allReleases(100);
    for (const r of releases)
      expect(r.tender.numberOfTenderers === undefined, r.id).toBe(!['awardUpdate', 'contract'].includes(r.tag[0]) || r.tender.status !== 'complete');
  });

  it('adds an award and supplier parties when an outcome is published, and nothing for an unpublished one', async () => {
    // Calls outside the award path (no decision yet): the outcome is where partners are named.
    const [first, second] = (await listed('closed')).filter(
      (c) => c.procedure !== 'market-dialogue' && ['selection', 'tendering', 'evaluation'].includes(c.phase),
    );
    // Partners as the sharing feature stores them: { orgNumber, name }.
    const partners = [companies.sarpsborg, companies.other].map((c) => ({ orgNumber: c.id, name: c.name }));
    const put = (callId: string, published: boolean) =>
      db().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...keys.outcome(callId),
            type: 'outcome',
            callId,
            partners,
            projectStatus: 'pilot',
            results: 'Intern evaluering',
            lessons: 'Lærdom',
            documents: [],
            wouldRecommend: true,
            published,
            updatedAt: new Date().toISOString(),
          },
        }),
      );
    await put(first.id, true);
    await put(second.id, false);
    const { releases } = await allReleases(100);

    const stagesOfFirst = releases.filter((r) => r.tender.id === first.id);
    expect(stagesOfFirst.map((r) => r.tag[0])).toEqual(['tender', 'award']);
    const awarded = stagesOfFirst[1]!;
    expect(awarded.tender.status).toBe('active');
    expect(awarded.awards).toEqual([
      {
        id: `${first.id}-award`,
        status: 'active',
        date: awarded.date,
        suppliers: [
          { id: `NO-BRC-${companies.sarpsborg.id}`, name: companies.sarpsborg.name },
          { id: `NO-BRC-${companies.other.id}`, name: companies.other.name },
        ],
      },
    ]);
    for (const s of awarded.awards![0]!.suppliers) {
      const party = awarded.parties.find((p: any) => p.id === s.id)!;
      expect(party).toMatchObject({ name: s.name, roles: ['supplier'], identifier: { scheme: 'NO-BRC', id: s.id.replace('NO-BRC-', '') } });
    }
    expect(JSON.stringify(awarded)).not.toContain('Intern evaluering');

    const unpublished = releases.filter((r) => r.tender.id === second.id);
    expect(unpublished.map((r) => r.tag[0])).toEqual(['tender']);
    expect(unpublished[0]!.awards).toBeUndefined();
    expect(unpublished[0]!.parties).toHaveLength(1);
  });

  it('keeps references consistent: buyer and suppliers are parties, party ids unique, release ids stable', async () => {
    const a = (await allReleases(100)).releases;
    const b = (await allReleases(100)).releases;
    expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
    for (const r of a) {
      const partyIds = r.parties.map((p: any) => p.id);
      expect(new Set(partyIds).size).toBe(partyIds.length);
      expect(partyIds).toContain(r.buyer.id);
      for (const s of r.awards?.flatMap((aw: any) => aw.suppliers ?? []) ?? []) expect(partyIds).toContain(s.id);
      expect(r.id.startsWith(r.tender.id)).toBe(true);
    }
  });

  it('refuses a tampered or foreign cursor with 400, and a limit out of range', async () => {
    const { body } = await getPackage('/api/ocds/releases?limit=2');
    const next = new URL(body.links!.next).searchParams.get('cursor')!;
    const [payload, mac] = next.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 'ocds', m: 11 })).toString('base64url');
    for (const cursor of [`${payload}x.${mac}`, `${forged}.${mac}`, 'abc']) {
      expect((await stack.client.call('GET', `/api/ocds/releases?cursor=${encodeURIComponent(cursor)}`)).status).toBe(400);
    }
    const calls = await stack.client.call('GET', '/api/calls?limit=1');
    expect((await stack.client.call('GET', `/api/ocds/releases?cursor=${encodeURIComponent(calls.body.nextCursor)}`)).status).toBe(400);
    expect((await stack.client.call('GET', '/api/ocds/releases?limit=0')).status).toBe(400);
    expect((await stack.client.call('GET', '/api/ocds/releases?limit=101')).status).toBe(400);
  });
});

describe('OCDS from the award path', () => {
  const record = async (callId: string) => {
    const res = await stack.client.call('GET', `/api/ocds/records/ocds-demo00-${callId}`);
    expect(res.status).toBe(200);
    expect(validRecordPackage(res.body), JSON.stringify(validRecordPackage.errors?.slice(0, 5))).toBe(true);
    const [rec] = res.body.records;
    for (const r of rec.releases) expect(validRelease(r), JSON.stringify(validRelease.errors?.slice(0, 5))).toBe(true);
    expect(validRelease(rec.compiledRelease), JSON.stringify(validRelease.errors?.slice(0, 5))).toBe(true);
    return rec as { releases: Release[]; compiledRelease: any };
  };

  it('publishes the demo contract: award pending at the decision, then award active with value and NO-BRC suppliers, the contract, complete, numberOfTenderers', async () => {
    const owner = await stack.client.login('user-3110');
    const contracted = (await stack.client.call('GET', '/api/calls?mine=true&limit=100', { token: owner })).body.items.find(
      (c: any) => c.phase === 'contracted' && c.contract,
    );
    expect(contracted).toBeDefined();
    const rec = await record(contracted.id);
    expect(rec.releases.map((r) => [r.tag[0], r.tender.status])).toEqual([
      ['tender', 'active'],
      ['award', 'active'],
      ['awardUpdate', 'complete'],
      ['contract', 'complete'],
    ]);
    const [, decided, , signed] = rec.releases;
    expect(decided.awards).toEqual([{ id: expect.stringMatching(new RegExp(`^${contracted.id}-award-`)), status: 'pending', date: decided.date }]);
    const winner = contracted.contract.winners[0];
    const letters = (await stack.client.call('GET', `/api/calls/${contracted.id}/letters`, { token: owner })).body.items;
    expect(letters.length).toBeGreaterThan(0);
    expect(signed.awards[0]).toMatchObject({
      id: decided.awards[0].id,
      status: 'active',
      suppliers: [{ id: `NO-BRC-${winner.orgNumber}`, name: winner.name }],
      value: { currency: 'NOK' },
    });
    expect(signed.awards[0].value.amount).toBeGreaterThan(0);
    expect(signed.contracts).toEqual([
      {
        id: `${contracted.id}-contract`,
        awardID: decided.awards[0].id,
        status: 'active',
        value: { amount: contracted.contract.valueNok, currency: 'NOK' },
        dateSigned: contracted.contract.signedAt,
        period: { startDate: contracted.contract.signedAt, endDate: expect.any(String) },
      },
    ]);
    expect(signed.tender.numberOfTenderers).toBe(2);
    expect(signed.parties.find((p: any) => p.id === `NO-BRC-${winner.orgNumber}`)).toMatchObject({
      roles: ['supplier'],
      identifier: { scheme: 'NO-BRC', id: winner.orgNumber },
    });
    expect(rec.compiledRelease.tender.status).toBe('complete');
    expect(rec.compiledRelease.awards).toHaveLength(1);
    expect(rec.compiledRelease.awards[0].status).toBe('active');
  });

  it('publishes the demo standstill as a pending award, with no supplier, value or count', async () => {
    const owner = await stack.client.login('user-3118');
    const standstill = (await stack.client.call('GET', '/api/calls?mine=true&limit=100', { token: owner })).body.items.find(
      (c: any) => c.phase === 'standstill',
    );
    const rec = await record(standstill.id);
    const last = rec.releases[rec.releases.length - 1]!;
    expect([last.tag[0], last.tender.status, last.awards[0].status]).toEqual(['award', 'active', 'pending']);
    expect(last.awards[0].suppliers).toBeUndefined();
    expect(last.awards[0].value).toBeUndefined();
    expect(last.tender.numberOfTenderers).toBeUndefined();
  });

  it('cancels a withdrawn award and publishes the new decision under a new id; valid in the release package too', async () => {
    const deadline = new Date((await serverNow(stack.client)) + 60_000).toISOString();
    const { id } = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ deadline, procedure: 'startup-challenge' }) })).body;
    expect((await stack.client.call('POST', `/api/calls/${id}/publish`, { token: t.fredrikstad })).status).toBe(200);
    for (const [who, price] of [
      ['sarpsborgCompany', 300_000],
      ['otherCompany', 200_000],
    ] as const) {
      expect((await stack.client.call('PUT', `/api/calls/${id}/proposals/mine`, { token: t[who], body: proposalBody({ priceNok: price }) })).status).toBe(201);
    }
    await passTime(stack.client, 61_000);
    await stack.client.call('POST', `/api/calls/${id}/impartiality`, { token: t.fredrikstad, body: { impartial: true } });
    for (const c of [companies.sarpsborg, companies.other]) {
      expect(
        (await stack.client.call('PUT', `/api/calls/${id}/evaluations/${c.id}`, { token: t.fredrikstad, body: { scores: { kvalitet: 7, klima: 7 } } })).status,
      ).toBe(201);
    }
    const reasons = 'Laveste pris ved lik kvalitet og klimaprofil gir høyest sum etter de publiserte kriteriene.';
    const award = () => stack.client.call('POST', `/api/calls/${id}/award`, { token: t.fredrikstad, body: { winners: [companies.other.id], reasons } });
    expect((await award()).status).toBe(201);
    await passTime(stack.client, 60_000);
    expect(
      (await stack.client.call('POST', `/api/calls/${id}/award/withdraw`, { token: t.fredrikstad, body: { reason: 'Feil i poengberegningen for kvalitet.' } }))
        .status,
    ).toBe(200);
    await passTime(stack.client, 60_000);
    expect((await award()).status).toBe(201);

    const rec = await record(id);
    expect(rec.releases.map((r) => [r.tag[0], r.awards?.[0]?.status])).toEqual([
      ['tender', undefined],
      ['award', 'pending'],
      ['awardUpdate', 'cancelled'],
      ['award', 'pending'],
    ]);
    expect(rec.releases[1].awards[0].id).toBe(rec.releases[2].awards[0].id);
    expect(rec.releases[3].awards[0].id).not.toBe(rec.releases[1].awards[0].id);
    expect(rec.compiledRelease.awards.map((a: any) => a.status)).toEqual(['cancelled', 'pending']);
    expect(JSON.stringify(rec)).not.toContain(companies.other.name);
    const { releases } = await allReleases(100);
    expect(releases.filter((r) => r.ocid === `ocds-demo00-${id}`).map((r) => r.tag[0])).toEqual(['tender', 'award', 'awardUpdate', 'award']);
  });
});

describe('OCDS record package', () => {
  it('holds every release of one process and the compiled release, valid against the 1.1.5 record package schema', async () => {
    const cancelled = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ procedure: 'innovation-partnership' }) })).body;
    await stack.client.call('POST', `/api/calls/${cancelled.id}/publish`, { token: t.fredrikstad });
    await stack.client.call('POST', `/api/calls/${cancelled.id}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
    const ocid = `ocds-demo00-${cancelled.id}`;
    const res = await stack.client.call('GET', `/api/ocds/records/${ocid}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(validRecordPackage(res.body), JSON.stringify(validRecordPackage.errors?.slice(0, 5))).toBe(true);
    const [record] = res.body.records;
    expect(record.ocid).toBe(ocid);
    expect(record.releases.map((r: Release) => r.tag[0])).toEqual(['tender', 'tenderCancellation']);
    for (const r of record.releases) expect(validRelease(r)).toBe(true);
    expect(record.compiledRelease.tag).toEqual(['compiled']);
    expect(record.compiledRelease.tender.status).toBe('cancelled');
    expect(validRelease(record.compiledRelease), JSON.stringify(validRelease.errors?.slice(0, 5))).toBe(true);
  });

  it('validates every demo record, and answers 404 for drafts and unknown ocids', async () => {
    const { releases } = await allReleases(100);
    for (const ocid of new Set(releases.map((r) => r.ocid))) {
      const res = await stack.client.call('GET', `/api/ocds/records/${ocid}`);
      expect(validRecordPackage(res.body), ocid).toBe(true);
    }
    const draft = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() })).body;
    for (const ocid of [`ocds-demo00-${draft.id}`, 'ocds-demo00-01ZZZZZZZZZZZZZZZZZZZZZZZZ', `ocds-other0-${draft.id}`, 'nonsense']) {
      const res = await stack.client.call('GET', `/api/ocds/records/${ocid}`);
      expect(res.status, ocid).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
