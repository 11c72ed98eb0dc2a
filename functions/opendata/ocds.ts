/**
 * Our calls as OCDS 1.1 releases (https://standard.open-contracting.org/1.1/en/). Pure mapping: no I/O.
 *
 * Modelling decisions (docs/opendata.md has the publication policy):
 * - Which calls: every call that was ever published (open, closed, cancelled after publishing). Drafts, and
 *   calls cancelled while still drafts, were never public and are left out.
 * - ocid: `<prefix>-<call id>`. The prefix is OCDS_OCID_PREFIX; the default `ocds-demo00` marks demo data.
 *   A real publisher registers its own prefix with the Open Contracting Partnership (README).
 * - One release per change of state, each with the tag that says what changed, in this order:
 *   market dialogue (not a procedure, but the planning of one): `planning` when published, `planningUpdate`
 *   for a correction and for a cancellation (tender.status `planning`, then `withdrawn`);
 *   other procedures: `tender` when published (status `active`), `tenderUpdate` when corrected after
 *   publishing, `tenderCancellation` when cancelled (status `cancelled`; a pending award with it), then the
 *   award path (ocds-awards.ts): `award` (pending) at each award decision, `awardUpdate` when one is withdrawn
 *   (cancelled) and when the contract is signed (active, suppliers, value), `contract` (tender `complete`,
 *   numberOfTenderers). A call that never went through the award path but whose municipality published the
 *   partners it chose (the outcome) gets one `award` (active) from it, with the tender staying `active`.
 *   The deadline passing is not a change of state in OCDS terms: the tender stays `active` until a contract.
 * - Release id: `<call id>-<tag>-<date as digits>`. Each release describes the call as it stands now (the
 *   call keeps no earlier versions), with the status and tag of its stage.
 * - Parties: every party has an `identifier`. Municipalities and companies are in Enhetsregisteret:
 *   scheme NO-BRC (org-id.guide) with their organisasjonsnummer; party id `NO-BRC-<number>`. Municipality
 *   names follow SSB (`Våler (Østfold)`); addresses carry the NUTS-3 region (NO083, Østfold).
 * - Items: one item, the thing being bought: the call's summary, classified by its first CPV code, the
 *   other codes as additional classifications, each with its own official label.
 * - Text fields the platform writes (procedure, labels) follow `lang` (nb by default, or en); titles and
 *   descriptions are as the municipality wrote them (bokmål).
 * - procurementMethod (closed codelist): pre-commercial procurement and start-up challenges are announced
 *   to all → open; innovation partnership and competitive procedure with negotiation → selective.
 * - Nothing from proposals is published while the competition runs: they are sealed, and after the deadline
 *   they are the municipality's to read. Once the contract is signed: how many tendered, and the winners'
 *   tendered price as the award's value.
 */
import { cpvLabel } from '../../shared/domain/cpv.js';
import { municipalityOf, NUTS3_OSTFOLD } from '../../shared/domain/municipalities.js';
import { PROCEDURE_LABELS, type Procedure } from '../../shared/domain/vocabulary.js';
import type { CallRecord } from '../data/calls.js';
import type { PublicOutcome } from '../data/opendata.js';
import { awardStages, hasAwardPath, awardId, type AwardStage, type OcdsAward } from './ocds-awards.js';

export type Lang = 'nb' | 'en';
export type TenderStatus = 'planning' | 'active' | 'cancelled' | 'withdrawn' | 'complete';
export type ProcurementMethod = 'open' | 'selective' | 'limited' | 'direct';
export type ReleaseTag = 'planning' | 'planningUpdate' | 'tender' | 'tenderUpdate' | 'tenderCancellation' | 'award' | 'awardUpdate' | 'contract';

export const PROCUREMENT_METHOD: Record<Exclude<Procedure, 'market-dialogue'>, ProcurementMethod> = {
  'pre-commercial': 'open',
  'startup-challenge': 'open',
  'innovation-partnership': 'selective',
  'competitive-negotiation': 'selective',
};

export const PARTY_SCHEME = 'NO-BRC';
export const partyId = (orgNumber: string) => `${PARTY_SCHEME}-${orgNumber}`;

/** Goods, works or services, from the first CPV code's division (CPV 45 works; 03–44 and 48 goods). */
export function mainProcurementCategory(cpvCodes: string[]): 'goods' | 'works' | 'services' | undefined {
  const first = cpvCodes[0];
  if (!first) return undefined;
  const division = Number(first.slice(0, 2));
  if (division === 45) return 'works';
  if (division < 45 || division === 48) return 'goods';
  return 'services';
}

export interface OcdsContext {
  ocidPrefix: string;
  callUrl: (id: string) => string;
  /** Names of supplier organisations by organisasjonsnummer. */
  supplierNames: Map<string, string>;
  now: Date;
  lang?: Lang;
}

interface Stage {
  tag: ReleaseTag;
  date: string;
  status: TenderStatus;
  /** An award from a published outcome (calls outside the award path). */
  award?: boolean;
  /** A step of the award path. */
  awardPath?: AwardStage;
  /** The award cancelled with the call. */
  cancelledAward?: OcdsAward;
}

const iso = (d: string) => new Date(d).toISOString();
const after = (a: string | undefined, b: string | undefined) => !!a && !!b && Date.parse(a) > Date.parse(b);

/** The changes of state a published call has gone through, oldest first. */
export function stages(c: CallRecord, outcome: PublicOutcome | undefined, now: Date): Stage[] {
  if (!c.publishedAt) return [];
  const planning = c.procedure === 'market-dialogue';
  const out: Stage[] = [{ tag: planning ? 'planning' : 'tender', date: iso(c.publishedAt), status: planning ? 'planning' : 'active' }];
  // A recorded correction (the change log of update-call.ts) is an update; other writes to the call (its
  // cancellation, the award path's decisions) are not.
  if (c.lastChangedAt && after(c.lastChangedAt, c.publishedAt) && Date.parse(c.lastChangedAt) <= now.getTime()) {
    out.push({ tag: planning ? 'planningUpdate' : 'tenderUpdate', date: iso(c.lastChangedAt), status: out[0]!.status });
  }
  const awardPath = !planning && hasAwardPath(c);
  if (awardPath) {
    for (const a of awardStages(c, now, partyId))
      out.push({ tag: a.tag, date: a.date, status: a.tag === 'award' || a.award.status === 'cancelled' ? 'active' : 'complete', awardPath: a });
  }
  if (c.status === 'cancelled' && c.cancelledAt) {
    const pending = c.award && !c.contract ? { id: awardId(c.id, c.award), status: 'cancelled' as const, date: iso(c.award.decidedAt) } : undefined;
    out.push(
      planning
        ? { tag: 'planningUpdate', date: iso(c.cancelledAt), status: 'withdrawn' }
        : { tag: 'tenderCancellation', date: iso(c.cancelledAt), status: 'cancelled', ...(pending ? { cancelledAward: pending } : {}) },
    );
  } else if (!planning && !awardPath && outcome && outcome.partners.length > 0 && after(outcome.updatedAt, c.publishedAt)) {
    out.push({ tag: 'award', date: iso(outcome.updatedAt!), status: 'active', award: true });
  }
  // Stable: releases of one instant (the contract's awardUpdate and contract) keep their order.
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The municipality as an OCDS party: NO-BRC with its organisasjonsnummer, SSB name, NUTS-3 region. */
export function buyerParty(code: string) {
  const m = municipalityOf(code);
  const orgNumber = m?.orgNumber ?? code;
  const name = m ? (m.ssbName.includes('(') ? m.ssbName.replace(/ \(/, ' kommune (') : `${m.ssbName} kommune`) : code;
  return {
    id: partyId(orgNumber),
    name,
    identifier: { scheme: PARTY_SCHEME, id: orgNumber, legalName: name },
    address: { locality: m?.ssbName ?? code, region: NUTS3_OSTFOLD, countryName: 'Norge' },
    roles: ['buyer', 'procuringEntity'],
  };
}

const TEXT = {
  nb: { notice: 'Kunngjøring', deadline: 'Frist for innspill', orgNumber: 'Organisasjonsnummer' },
  en: { notice: 'Notice', deadline: 'Deadline for input', orgNumber: 'Organisation number' },
};

function classification(code: string, lang: Lang) {
  const label = cpvLabel(code, lang);
  return { scheme: 'CPV', id: code, ...(label ? { description: label } : {}) };
}

/** Every release of one published call, oldest first. */
export function callToReleases(c: CallRecord, outcome: PublicOutcome | undefined, ctx: OcdsContext) {
  return stages(c, outcome, ctx.now).map((s) => callToRelease(c, outcome, ctx, s));
}

/** One release: the call as it stands now, at the given stage (by default its latest). */
export function callToRelease(c: CallRecord, outcome: PublicOutcome | undefined, ctx: OcdsContext, stage?: Stage) {
  const lang = ctx.lang ?? 'nb';
  const all = stages(c, outcome, ctx.now);
  const s = stage ?? all[all.length - 1] ?? { tag: 'tender' as const, date: iso(c.updatedAt), status: 'active' as const };
  const planning = c.procedure === 'market-dialogue';
  const buyerFull = buyerParty(c.municipalityCode);
  const buyer = { id: buyerFull.id, name: buyerFull.name };
  const suppliers = s.award
    ? (outcome?.partners ?? []).map((orgNumber) => {
        const name = ctx.supplierNames.get(orgNumber) ?? outcome?.partnerNames?.get(orgNumber) ?? `${TEXT[lang].orgNumber} ${orgNumber}`;
        return { id: partyId(orgNumber), name, orgNumber };
      })
    : (s.awardPath?.suppliers ?? []);
  const awards: OcdsAward[] = s.award
    ? [{ id: `${c.id}-award`, status: 'active', date: s.date, suppliers: suppliers.map(({ id, name }) => ({ id, name })) }]
    : s.awardPath
      ? [s.awardPath.award]
      : s.cancelledAward
        ? [s.cancelledAward]
        : [];
  const contract = s.awardPath?.contract;
  const tenderers = s.awardPath?.numberOfTenderers;
  const category = mainProcurementCategory(c.cpvCodes);
  const url = ctx.callUrl(c.id);
  const [first, ...rest] = c.cpvCodes;
  const notice = {
    id: 'notice',
    documentType: planning ? 'plannedProcurementNotice' : 'tenderNotice',
    title: c.title,
    url,
    format: 'text/html',
    language: 'nb',
    ...(c.publishedAt ? { datePublished: iso(c.publishedAt) } : {}),
    dateModified: s.date,
  };
  const value = c.budgetNok?.max !== undefined ? { amount: c.budgetNok.max, currency: 'NOK' } : undefined;

  return {
    ocid: `${ctx.ocidPrefix}-${c.id}`,
    id: `${c.id}-${s.tag}-${s.date.replace(/\D/g, '')}`,
    date: s.date,
    tag: [s.tag],
    initiationType: 'tender' as const,
    language: lang,
    parties: [
      buyerFull,
      ...suppliers.map((p) => ({
        id: p.id,
        name: p.name,
        identifier: { scheme: PARTY_SCHEME, id: p.orgNumber, legalName: p.name },
        roles: ['supplier'],
      })),
    ],
    buyer,
    ...(planning
      ? {
          planning: {
            rationale: c.summary,
            ...(value ? { budget: { amount: value } } : {}),
            documents: [notice],
            milestones: [
              {
                id: 'deadline',
                title: TEXT[lang].deadline,
                type: 'engagement',
                dueDate: iso(c.deadline),
                status: Date.parse(c.deadline) <= ctx.now.getTime() ? 'met' : 'scheduled',
              },
            ],
          },
        }
      : {}),
    tender: {
      id: c.id,
      title: c.title,
      description: c.summary,
      status: s.status,
      procuringEntity: buyer,
      ...(first
        ? {
            items: [
              {
                id: '1',
                description: c.summary,
                classification: classification(first, lang),
                ...(rest.length ? { additionalClassifications: rest.map((code) => classification(code, lang)) } : {}),
              },
            ],
          }
        : {}),
      ...(category ? { mainProcurementCategory: category } : {}),
      ...(tenderers !== undefined ? { numberOfTenderers: tenderers } : {}),
      ...(planning
        ? {}
        : {
            ...(value ? { value } : {}),
            ...(c.budgetNok?.min !== undefined ? { minValue: { amount: c.budgetNok.min, currency: 'NOK' } } : {}),
            procurementMethod: PROCUREMENT_METHOD[c.procedure as Exclude<Procedure, 'market-dialogue'>],
            procurementMethodDetails: PROCEDURE_LABELS[c.procedure][lang],
            submissionMethod: ['electronicSubmission'],
            submissionMethodDetails: url,
            tenderPeriod: { ...(c.publishedAt ? { startDate: iso(c.publishedAt) } : {}), endDate: iso(c.deadline) },
            documents: [notice],
          }),
    },
    ...(awards.length ? { awards } : {}),
    ...(contract ? { contracts: [contract] } : {}),
  };
}

export type OcdsRelease = ReturnType<typeof callToRelease>;

/**
 * The compiled release of a record: releases merged oldest to newest as OCDS merging does (objects field by
 * field, arrays of objects with an id by id, other values replaced), tagged `compiled`.
 */
export function compileReleases(releases: OcdsRelease[]): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  for (const r of releases) merged = merge(merged, r) as Record<string, unknown>;
  const last = releases[releases.length - 1]!;
  return { ...merged, id: `${last.ocid}-${last.date.replace(/\D/g, '')}`, tag: ['compiled'] };
}

function merge(a: unknown, b: unknown): unknown {
  if (Array.isArray(b)) {
    if (!Array.isArray(a) || !b.every((x) => x && typeof x === 'object' && 'id' in x)) return b;
    const out = [...a] as Record<string, unknown>[];
    for (const item of b as Record<string, unknown>[]) {
      const i = out.findIndex((x) => x && typeof x === 'object' && x.id === item.id);
      if (i >= 0) out[i] = merge(out[i], item) as Record<string, unknown>;
      else out.push(item);
    }
    return out;
  }
  if (b && typeof b === 'object') {
    const base = a && typeof a === 'object' && !Array.isArray(a) ? { ...(a as Record<string, unknown>) } : {};
    for (const [k, v] of Object.entries(b)) base[k] = merge(base[k], v);
    return base;
  }
  return b;
}
