import { ulid } from 'ulid';
import { getCall, insertCall, queryMunicipalityCalls, type CallRecord } from '../../functions/data/calls.js';
import { listProposalsForCall } from '../../functions/data/proposals.js';
import { getOrganisations } from '../../functions/data/organisations.js';
import { getOutcome, insertReuse, putOutcome, type OutcomeRecord } from '../../functions/data/sharing.js';
import { defaultDeadline } from '../../functions/sharing/deadline.js';
import { normaliseCall } from '../../functions/calls/rules.js';
import { reusedDraft } from '../../functions/sharing/reused-draft.js';
import type { OutcomeInput } from '../../shared/schemas/sharing.js';
import { CALL_TEMPLATES } from './demo-data.js';
import { mulberry32 } from './generate/companies.js';

const DAY = 86_400_000;

const demoId = (n: number) => ulid(Date.UTC(2026, 0, 2) + n * 60_000, mulberry32(9000 + n));

/** A demo call of the main seed, found by municipality and template (its ids depend on the seed's clock). */
async function demoCall(municipality: string, template: number): Promise<CallRecord | undefined> {
  const title = CALL_TEMPLATES[template]!.title;
  const page = await queryMunicipalityCalls(municipality, {}, 200);
  return page.items.filter((c) => c.title === title && !c.derivedFrom).sort((a, b) => a.id.localeCompare(b.id))[0];
}

type OutcomePlan = Omit<OutcomeInput, 'partners'> & { municipality: string; template: number; partners: number };

const OUTCOMES: OutcomePlan[] = [
  {
    municipality: '3101',
    template: 0,
    partners: 1,
    projectStatus: 'pilot',
    published: true,
    wouldRecommend: true,
    results: 'Pilot med 120 sensorer på tre plasser i sentrum. Letekjøringen gikk ned med anslagsvis 30 prosent, og dataene deles åpent.',
    lessons:
      'Start med en kort markedsdialog: leverandørene foreslo kamera der vi hadde tenkt sensorer, og det ble billigere. Avklar eierskap til data i kontrakten.',
    documents: [{ title: 'Sluttrapport fra piloten', url: 'https://example.no/halden/parkering-sluttrapport' }],
  },
  {
    municipality: '3107',
    template: 1,
    partners: 2,
    projectStatus: 'scaling',
    published: true,
    wouldRecommend: true,
    results: 'Behovsstyrt gatelys på 800 punkter. Energibruken falt med 45 prosent uten flere meldinger om utrygghet.',
    lessons: 'Involver driftsavdelingen fra første dag, og still krav om åpne grensesnitt: da kunne vi bytte styringssystem uten nytt anbud.',
    documents: [],
  },
  {
    municipality: '3118',
    template: 4,
    partners: 1,
    projectStatus: 'pilot',
    published: true,
    wouldRecommend: true,
    results: 'Fyllingssensorer i 60 nedgravde containere og dynamiske ruter. Færre tømminger av halvfulle containere.',
    lessons: 'Sensorene tålte ikke frost det første året; krev dokumentert vintertesting. Ruteoptimaliseringen var verdt mer enn sensorene alene.',
    documents: [],
  },
  {
    municipality: '3110',
    template: 7,
    partners: 1,
    projectStatus: 'stopped',
    published: true,
    wouldRecommend: false,
    results: 'Kartleggingen av takene ble gjort, men utbyggingen stoppet: bæreevnen på de fleste takene var for dårlig.',
    lessons: 'Sjekk bæreevne og takets restlevetid før dere lyser ut. Det hadde spart oss et halvt år.',
    documents: [],
  },
  {
    // Recorded but not (yet) published: visible to Moss only.
    municipality: '3103',
    template: 2,
    partners: 1,
    projectStatus: 'pilot',
    published: false,
    wouldRecommend: true,
    results: 'Målebøyer ved to badeplasser gjennom sommeren.',
    lessons: 'Utkast: skal gjennomgås før publisering.',
    documents: [],
  },
];

/** Reuses: Halden's parking call twice (Sarpsborg, Råde) and Fredrikstad's street lighting once (Halden). */
const REUSES = [
  { n: 1, from: { municipality: '3101', template: 0 }, by: '3105', daysAgo: 2 },
  { n: 2, from: { municipality: '3101', template: 0 }, by: '3112', daysAgo: 1 },
  { n: 3, from: { municipality: '3107', template: 1 }, by: '3101', daysAgo: 3 },
];

/**
 * Demo data for «delingskultur», on top of the main seed: published outcomes (lessons) on four closed
 * calls and one unpublished, reuse chains, and two municipalities with the same need (Fredrikstad drafting
 * a bathing-water call while Hvaler's is open). New calls are drafts, so the public call list is unchanged.
 * Idempotent: every write is conditional or preceded by a read of the same key.
 */
export async function seedSharing(now: Date): Promise<void> {
  for (const plan of OUTCOMES) {
    const call = await demoCall(plan.municipality, plan.template);
    if (!call || (await getOutcome(call.id))) continue;
    const proposers = (await listProposalsForCall(call.id))
      .map((p) => p.orgNumber)
      .sort()
      .slice(0, plan.partners);
    const orgs = await getOrganisations(proposers);
    const stamp = new Date(Math.min(now.getTime(), Date.parse(call.deadline) + 2 * DAY)).toISOString();
    const { municipality: _m, template: _t, partners: _p, ...fields } = plan;
    void _m, _t, _p;
    const record: OutcomeRecord = {
      ...fields,
      callId: call.id,
      municipalityCode: call.municipalityCode,
      partners: proposers.filter((o) => orgs.get(o)?.kind === 'company').map((o) => ({ orgNumber: o, name: orgs.get(o)!.name })),
      createdAt: stamp,
      updatedAt: stamp,
      updatedBy: `user-${call.municipalityCode}`,
      version: 1,
      callTitle: call.title,
      callSummary: call.summary,
      domains: call.domains,
      cpvCodes: call.cpvCodes,
      procedure: call.procedure,
    };
    await putOutcome(record);
  }

  for (const r of REUSES) {
    const original = await demoCall(r.from.municipality, r.from.template);
    if (!original) continue;
    const id = demoId(r.n);
    const createdAt = new Date(now.getTime() - r.daysAgo * DAY);
    // As the use case copies it, made days ago, with a deadline still ahead of today.
    const draft: CallRecord = {
      ...reusedDraft(original, { id, municipalityCode: r.by, at: createdAt, createdBy: `user-${r.by}` }),
      deadline: defaultDeadline(now),
    };
    const stored = (await getCall(id)) ?? (await insertOnce(draft));
    // The reuse record's key holds the draft's own createdAt, so a re-run writes the same key again.
    await insertReuse({ originalId: original.id, callId: id, municipalityCode: r.by, reusedAt: stored.createdAt, reusedBy: stored.createdBy });
  }

  // The same need in two places: Hvaler's bathing-water call is open; Fredrikstad drafts its own.
  const needId = demoId(10);
  if (!(await getCall(needId))) {
    const createdAt = new Date(now.getTime() - DAY).toISOString();
    await insertOnce({
      ...normaliseCall({
        title: 'Sanntidsmåling av badevann ved strendene',
        summary: 'Innbyggerne skal se vannkvaliteten ved badeplassene før de drar.',
        description:
          'Kommunen vil prøve sensorer som måler bakterier og temperatur i badevannet ved strendene, og publisere målingene åpent med varsling ved dårlig vannkvalitet.',
        domains: ['environment'],
        cpvCodes: ['38430000', '90733000'],
        procedure: 'market-dialogue',
        deadline: defaultDeadline(now, 40),
      }),
      id: needId,
      municipalityCode: '3107',
      status: 'draft',
      version: 1,
      createdAt,
      updatedAt: createdAt,
      createdBy: 'user-3107',
    });
  }
}

async function insertOnce(call: CallRecord): Promise<CallRecord> {
  const stored = await getCall(call.id);
  if (stored) return stored;
  await insertCall(call);
  return call;
}
