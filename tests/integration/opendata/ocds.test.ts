import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, callBody, proposalBody } from '../../support/local-stack.js';
import { companies, users } from '../../support/demo-users.js';
import { db, table } from '../../../functions/data/client.js';
import { keys } from '../../../functions/data/keys.js';
import { PROPOSAL_TEXTS } from '../../../infra/local/demo-data.js';

/**
 * The subset of OCDS 1.1 (release-package-schema.json / release-schema.json, 1.1.5) we emit, with the
 * required fields and the closed codelists we use, written out here from the standard.
 */
const releaseTag = z.enum([
  'planning', 'planningUpdate', 'tender', 'tenderAmendment', 'tenderUpdate', 'tenderCancellation', 'award', 'awardUpdate',
  'awardCancellation', 'contract', 'contractUpdate', 'contractAmendment', 'implementation', 'implementationUpdate',
  'contractTermination', 'compiled',
]);
const tenderStatus = z.enum(['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete', 'withdrawn']);
const method = z.enum(['open', 'selective', 'limited', 'direct']);
const procurementCategory = z.enum(['goods', 'works', 'services']);
const awardStatus = z.enum(['pending', 'active', 'cancelled', 'unsuccessful']);
const dateTime = z.iso.datetime({ offset: true });
const identifier = z.strictObject({ scheme: z.string().min(1), id: z.string().min(1), legalName: z.optional(z.string()) });
const orgRef = z.strictObject({ id: z.string().min(1), name: z.string().min(1) });
const value = z.strictObject({ amount: z.number(), currency: z.literal('NOK') });

const release = z.strictObject({
  ocid: z.string().regex(/^ocds-innovasjonstorget-[0-9A-HJKMNP-TV-Z]{26}$/),
  id: z.string().min(1).refine((s) => !s.includes('#'), 'A release id must not contain #'),
  date: dateTime,
  tag: z.array(releaseTag).min(1),
  initiationType: z.literal('tender'),
  language: z.literal('nb'),
  parties: z.array(z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    identifier: z.optional(identifier),
    additionalIdentifiers: z.optional(z.array(identifier)),
    address: z.optional(z.strictObject({ locality: z.string(), region: z.string(), countryName: z.string() })),
    roles: z.array(z.string()).min(1),
  })).min(1),
  buyer: orgRef,
  tender: z.strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    status: tenderStatus,
    procuringEntity: orgRef,
    items: z.array(z.strictObject({
      id: z.string().min(1),
      description: z.optional(z.string()),
      classification: z.strictObject({ scheme: z.literal('CPV'), id: z.string().regex(/^\d{8}$/), description: z.optional(z.string()) }),
    })),
    value: z.optional(value),
    minValue: z.optional(value),
    procurementMethod: method,
    procurementMethodDetails: z.string().min(1),
    mainProcurementCategory: z.optional(procurementCategory),
    submissionMethod: z.array(z.string()),
    submissionMethodDetails: z.string(),
    tenderPeriod: z.strictObject({ startDate: dateTime, endDate: dateTime }),
    documents: z.array(z.object({ id: z.string().min(1), documentType: z.string(), url: z.url() })),
  }),
  awards: z.optional(z.array(z.strictObject({ id: z.string().min(1), status: awardStatus, suppliers: z.array(orgRef).min(1) })).min(1)),
});
type Release = z.infer<typeof release>;

const releasePackage = z.strictObject({
  uri: z.url(),
  version: z.string().regex(/^(\d+\.)(\d+)$/).and(z.literal('1.1')),
  publishedDate: dateTime,
  publisher: z.object({ name: z.literal('Innovasjonstorget'), uri: z.optional(z.url()) }),
  license: z.url(),
  publicationPolicy: z.url(),
  releases: z.array(release).min(1),
  links: z.optional(z.strictObject({ next: z.url() })),
});

let stack: Awaited<ReturnType<typeof startTestStack>>;
const t: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const who of ['fredrikstad', 'sarpsborgCompany'] as const) t[who] = await stack.client.login(users[who]);
});
afterAll(() => stack?.close());

async function getPackage(path: string) {
  const res = await stack.client.call('GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  const parsed = releasePackage.safeParse(res.body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 5))).toBe(true);
  return { body: res.body as z.infer<typeof releasePackage>, raw: JSON.stringify(res.body) };
}

/** Every release, following links.next (made relative: the links use PUBLIC_BASE_URL). */
async function allReleases(limit: number): Promise<{ releases: Release[]; pages: number; raw: string }> {
  const releases: Release[] = [];
  let raw = '';
  let path: string | undefined = `/api/ocds/releases?limit=${limit}`;
  let pages = 0;
  while (path) {
    const { body, raw: text } = await getPackage(path);
    expect(body.releases.length).toBeLessThanOrEqual(limit);
    releases.push(...body.releases);
    raw += text;
    pages++;
    path = body.links?.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : undefined;
    expect(pages).toBeLessThan(100);
  }
  return { releases, pages, raw };
}

const listed = async (status: 'open' | 'closed') =>
  (await stack.client.call('GET', `/api/calls?status=${status}&limit=100`)).body.items as any[];

describe('OCDS release package', () => {
  it('validates against the OCDS subset we emit, with package metadata', async () => {
    const { body } = await getPackage('/api/ocds/releases');
    expect(body.version).toBe('1.1');
    expect(body.releases.length).toBeGreaterThan(0);
    expect(Date.parse(body.publishedDate)).toBe(Math.max(...body.releases.map((r) => Date.parse(r.date))));
  });

  it('pages with a signed cursor and links.next, covering every published call once', async () => {
    const { releases, pages } = await allReleases(7);
    expect(pages).toBeGreaterThan(1);
    const ocids = releases.map((r) => r.ocid);
    expect(new Set(ocids).size).toBe(ocids.length);
    const open = await listed('open');
    const closed = await listed('closed');
    const byStatus = (s: string) => releases.filter((r) => r.tender.status === s).map((r) => r.tender.id).sort();
    expect(byStatus('active')).toEqual(open.map((c) => c.id).sort());
    expect(byStatus('complete')).toEqual(closed.map((c) => c.id).sort());
    // The demo data has three calls cancelled after publishing.
    expect(byStatus('cancelled').length).toBeGreaterThanOrEqual(3);
    expect(releases).toHaveLength(open.length + closed.length + byStatus('cancelled').length);
    // The same set at another page size.
    const { releases: again } = await allReleases(100);
    expect(again.map((r) => r.ocid).sort()).toEqual([...ocids].sort());
  });

  it('maps a call faithfully: tender, period, value, CPV items, procedure, buyer party', async () => {
    const [call] = await listed('open');
    const { releases } = await allReleases(100);
    const r = releases.find((x) => x.tender.id === call.id)!;
    expect(r.ocid).toBe(`ocds-innovasjonstorget-${call.id}`);
    expect(r.tag).toEqual(['tender']);
    expect(r.tender).toMatchObject({ title: call.title, description: call.summary, status: 'active' });
    expect(r.tender.tenderPeriod).toEqual({ startDate: call.publishedAt, endDate: call.deadline });
    expect(r.tender.items.map((i) => i.classification.id)).toEqual(call.cpvCodes);
    expect(r.tender.items.every((i) => i.classification.description)).toBe(true);
    if (call.budgetNok?.max !== undefined) expect(r.tender.value).toEqual({ amount: call.budgetNok.max, currency: 'NOK' });
    else expect(r.tender.value).toBeUndefined();
    const buyer = r.parties.find((p) => p.id === r.buyer.id)!;
    expect(buyer).toMatchObject({ name: `${call.municipalityName} kommune`, roles: ['buyer', 'procuringEntity'] });
    expect(buyer.additionalIdentifiers).toEqual([{ scheme: 'NO-KOMMUNENUMMER', id: call.municipalityCode, legalName: `${call.municipalityName} kommune` }]);
    // Procedures map onto the closed method codelist; the local name stays in the details.
    for (const x of releases) {
      expect(x.tender.procurementMethodDetails.length).toBeGreaterThan(0);
      if (x.tender.procurementMethodDetails === 'Innovasjonspartnerskap') expect(x.tender.procurementMethod).toBe('selective');
      if (x.tender.procurementMethodDetails === 'Markedsdialog') expect(x.tender.procurementMethod).toBe('open');
      expect(x.tender.status === 'cancelled').toBe(x.tag.includes('tenderCancellation'));
    }
  });

  it('leaves out drafts and calls cancelled as drafts; keeps calls cancelled after publishing', async () => {
    const draft = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody({ title: 'Hemmelig utkast til OCDS' }) })).body;
    const cancelledDraft = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() })).body;
    await stack.client.call('POST', `/api/calls/${cancelledDraft.id}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });
    const pubThenCancel = (await stack.client.call('POST', '/api/calls', { token: t.fredrikstad, body: callBody() })).body;
    await stack.client.call('POST', `/api/calls/${pubThenCancel.id}/publish`, { token: t.fredrikstad });
    await stack.client.call('POST', `/api/calls/${pubThenCancel.id}/cancel`, { token: t.fredrikstad, body: { reason: 'Behovet er dekket på annen måte.' } });

    const { releases, raw } = await allReleases(50);
    const ids = releases.map((r) => r.tender.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(cancelledDraft.id);
    expect(raw).not.toContain('Hemmelig utkast');
    const cancelled = releases.find((r) => r.tender.id === pubThenCancel.id)!;
    expect(cancelled.tender.status).toBe('cancelled');
    expect(cancelled.tag).toEqual(['tender', 'tenderCancellation']);
  });

  it('publishes nothing from proposals', async () => {
    const [call] = await listed('open');
    await stack.client.call('PUT', `/api/calls/${call.id}/proposals/mine`, {
      token: t.sarpsborgCompany, body: proposalBody({ summary: 'Forseglet tilbudstekst som aldri må lekke', priceNok: 123456789 }),
    });
    const { raw } = await allReleases(100);
    expect(raw).not.toContain('Forseglet tilbudstekst');
    expect(raw).not.toContain('123456789');
    for (const text of PROPOSAL_TEXTS) expect(raw).not.toContain(text.summary);
    for (const field of ['tenderers', 'numberOfTenderers', 'bids', 'priceNok']) expect(raw).not.toContain(`"${field}"`);
  });

  it('adds an award and supplier parties when an outcome is published, and nothing for an unpublished one', async () => {
    const [first, second] = await listed('closed');
    // Partners as the sharing feature stores them: { orgNumber, name }.
    const partners = [companies.sarpsborg, companies.other].map((c) => ({ orgNumber: c.id, name: c.name }));
    const put = (callId: string, published: boolean) =>
      db().send(new PutCommand({
        TableName: table(),
        Item: {
          ...keys.outcome(callId), type: 'outcome', callId, partners, projectStatus: 'pilot',
          results: 'Intern evaluering', lessons: 'Lærdom', documents: [], wouldRecommend: true, published, updatedAt: new Date().toISOString(),
        },
      }));
    await put(first.id, true);
    await put(second.id, false);
    const { releases } = await allReleases(100);

    const awarded = releases.find((r) => r.tender.id === first.id)!;
    expect(awarded.tag).toEqual(['tender', 'award']);
    expect(awarded.awards).toEqual([
      {
        id: `${first.id}-award`,
        status: 'active',
        suppliers: [
          { id: `NO-BRC-${companies.sarpsborg.id}`, name: companies.sarpsborg.name },
          { id: `NO-BRC-${companies.other.id}`, name: companies.other.name },
        ],
      },
    ]);
    for (const s of awarded.awards![0]!.suppliers) {
      const party = awarded.parties.find((p) => p.id === s.id)!;
      expect(party).toMatchObject({ name: s.name, roles: ['supplier'], identifier: { scheme: 'NO-BRC', id: s.id.replace('NO-BRC-', '') } });
    }
    expect(JSON.stringify(awarded)).not.toContain('Intern evaluering');

    const unpublished = releases.find((r) => r.tender.id === second.id)!;
    expect(unpublished.awards).toBeUndefined();
    expect(unpublished.tag).toEqual(['tender']);
    expect(unpublished.parties).toHaveLength(1);
  });

  it('keeps references consistent: buyer and suppliers are parties, party ids unique, release ids stable', async () => {
    const a = (await allReleases(100)).releases;
    const b = (await allReleases(100)).releases;
    expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
    for (const r of a) {
      const partyIds = r.parties.map((p) => p.id);
      expect(new Set(partyIds).size).toBe(partyIds.length);
      expect(partyIds).toContain(r.buyer.id);
      for (const s of r.awards?.flatMap((aw) => aw.suppliers) ?? []) expect(partyIds).toContain(s.id);
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
