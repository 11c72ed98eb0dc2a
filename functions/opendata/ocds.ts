/**
 * Our calls as OCDS 1.1 releases (https://standard.open-contracting.org/1.1/en/). Pure mapping: no I/O.
 *
 * Decisions (see also the report in the feature's pull request):
 * - Which calls: every call that was ever published: open, closed (deadline passed) and cancelled after
 *   publishing. A cancelled call was a public tender and its cancellation is public information; a call
 *   cancelled while still a draft (no publishedAt) was never public and is left out, as are drafts.
 * - ocid: `<prefix>-<call id>`; the prefix is configurable (OCDS_OCID_PREFIX) because real prefixes are
 *   registered with the Open Contracting Partnership and ours is not yet.
 * - Release id: `<call id>-<release date as digits>`; the release describes the call as it stands now, and
 *   its date is the latest thing that happened to it (published, edited, cancelled, deadline passed,
 *   outcome published), so the id changes exactly when the content does. Never contains '#'.
 * - Status (closed tenderStatus codelist): open → active; closed (deadline passed) → complete (the
 *   submission phase is over; evaluation is outside this platform); cancelled → cancelled.
 *   Tags: ["tender"], plus "tenderCancellation" for cancelled calls and "award" when an outcome with
 *   partners is published.
 * - Buyer: municipalities are identified in our data by kommunenummer only. There is no org-id.guide scheme
 *   for kommunenummer, and we do not hold the municipalities' organisasjonsnummer (the NO-BRC identifier),
 *   so we do not invent a primary `identifier`: the party id is local (`NO-KOMMUNENUMMER-3107`), and the
 *   kommunenummer is given as an additionalIdentifier (an internally used identifier, which OCDS allows
 *   there) with scheme "NO-KOMMUNENUMMER". When organisation items carry organisasjonsnummer, switch the
 *   buyer to identifier { scheme: "NO-BRC", id } and party id "NO-BRC-<orgnr>".
 * - Suppliers: outcome partners are companies with organisasjonsnummer: scheme NO-BRC (Brønnøysund
 *   Register Centre, org-id.guide), party id "NO-BRC-<orgnr>".
 * - procurementMethod (closed method codelist): market dialogue, pre-commercial procurement and start-up
 *   challenges are announced to all and anyone may answer → open; innovation partnership and competitive
 *   procedure with negotiation invite a selection of those who apply → selective. The bokmål name of our
 *   procedure goes in procurementMethodDetails.
 * - Nothing from proposals is published (no tenderers, no numberOfTenderers, no bids): they are sealed,
 *   and after the deadline they are the municipality's to read, not the public's.
 */
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { cpvLabel } from '../../shared/domain/cpv.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import { PROCEDURE_LABELS, type Procedure } from '../../shared/domain/vocabulary.js';
import type { CallRecord } from '../data/calls.js';
import type { PublicOutcome } from '../data/opendata.js';

export type TenderStatus = 'active' | 'complete' | 'cancelled';
export type ProcurementMethod = 'open' | 'selective' | 'limited' | 'direct';

export const PROCUREMENT_METHOD: Record<Procedure, ProcurementMethod> = {
  'market-dialogue': 'open',
  'pre-commercial': 'open',
  'startup-challenge': 'open',
  'innovation-partnership': 'selective',
  'competitive-negotiation': 'selective',
};

export const BUYER_SCHEME = 'NO-KOMMUNENUMMER';
export const SUPPLIER_SCHEME = 'NO-BRC';

export const buyerPartyId = (code: string) => `${BUYER_SCHEME}-${code}`;
export const supplierPartyId = (orgNumber: string) => `${SUPPLIER_SCHEME}-${orgNumber}`;

export function tenderStatus(c: CallRecord, now: Date): TenderStatus {
  const status = effectiveStatus(c.status, c.deadline, now);
  return status === 'cancelled' ? 'cancelled' : status === 'closed' ? 'complete' : 'active';
}

/** Goods, works or services, from the first CPV code's division (CPV 45 works; 03–44 and 48 goods). */
export function mainProcurementCategory(cpvCodes: string[]): 'goods' | 'works' | 'services' | undefined {
  const first = cpvCodes[0];
  if (!first) return undefined;
  const division = Number(first.slice(0, 2));
  if (division === 45) return 'works';
  if (division < 45 || division === 48) return 'goods';
  return 'services';
}

const latest = (...dates: (string | undefined)[]) =>
  dates.filter((d): d is string => !!d && !Number.isNaN(Date.parse(d))).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));

export function releaseDate(c: CallRecord, outcome: PublicOutcome | undefined, now: Date): string {
  const deadlinePassed = Date.parse(c.deadline) <= now.getTime() && c.status === 'open' ? c.deadline : undefined;
  return new Date(latest(c.publishedAt, c.updatedAt, c.cancelledAt, deadlinePassed, outcome?.updatedAt)).toISOString();
}

export interface OcdsContext {
  ocidPrefix: string;
  callUrl: (id: string) => string;
  /** Names of supplier organisations by organisasjonsnummer. */
  supplierNames: Map<string, string>;
  now: Date;
}

/** One release describing a published call as it stands now. */
export function callToRelease(c: CallRecord, outcome: PublicOutcome | undefined, ctx: OcdsContext) {
  const date = releaseDate(c, outcome, ctx.now);
  const status = tenderStatus(c, ctx.now);
  const buyer = { id: buyerPartyId(c.municipalityCode), name: `${municipalityName(c.municipalityCode) ?? c.municipalityCode} kommune` };
  const suppliers = (outcome?.partners ?? []).map((orgNumber) => ({
    id: supplierPartyId(orgNumber),
    name: ctx.supplierNames.get(orgNumber) ?? outcome?.partnerNames?.get(orgNumber) ?? `Organisasjonsnummer ${orgNumber}`,
    orgNumber,
  }));
  const awarded = outcome !== undefined && suppliers.length > 0;
  const category = mainProcurementCategory(c.cpvCodes);
  const url = ctx.callUrl(c.id);

  return {
    ocid: `${ctx.ocidPrefix}-${c.id}`,
    id: `${c.id}-${date.replace(/\D/g, '')}`,
    date,
    tag: [
      'tender',
      ...(status === 'cancelled' ? ['tenderCancellation'] : []),
      ...(awarded ? ['award'] : []),
    ],
    initiationType: 'tender' as const,
    language: 'nb',
    parties: [
      {
        id: buyer.id,
        name: buyer.name,
        additionalIdentifiers: [{ scheme: BUYER_SCHEME, id: c.municipalityCode, legalName: buyer.name }],
        address: { locality: municipalityName(c.municipalityCode) ?? c.municipalityCode, region: 'Østfold', countryName: 'Norge' },
        roles: ['buyer', 'procuringEntity'],
      },
      ...suppliers.map((s) => ({
        id: s.id,
        name: s.name,
        identifier: { scheme: SUPPLIER_SCHEME, id: s.orgNumber, legalName: s.name },
        roles: ['supplier'],
      })),
    ],
    buyer,
    tender: {
      id: c.id,
      title: c.title,
      description: c.summary,
      status,
      procuringEntity: buyer,
      items: c.cpvCodes.map((code, i) => {
        const label = cpvLabel(code, 'nb');
        return {
          id: String(i + 1),
          ...(label ? { description: label } : {}),
          classification: { scheme: 'CPV', id: code, ...(label ? { description: label } : {}) },
        };
      }),
      ...(c.budgetNok?.max !== undefined ? { value: { amount: c.budgetNok.max, currency: 'NOK' } } : {}),
      ...(c.budgetNok?.min !== undefined ? { minValue: { amount: c.budgetNok.min, currency: 'NOK' } } : {}),
      procurementMethod: PROCUREMENT_METHOD[c.procedure],
      procurementMethodDetails: PROCEDURE_LABELS[c.procedure].nb,
      ...(category ? { mainProcurementCategory: category } : {}),
      submissionMethod: ['electronicSubmission'],
      submissionMethodDetails: url,
      tenderPeriod: { ...(c.publishedAt ? { startDate: c.publishedAt } : {}), endDate: c.deadline },
      documents: [
        { id: 'notice', documentType: 'tenderNotice', title: c.title, url, format: 'text/html', language: 'nb', ...(c.publishedAt ? { datePublished: c.publishedAt } : {}), dateModified: c.updatedAt },
      ],
    },
    ...(awarded
      ? {
          awards: [
            {
              id: `${c.id}-award`,
              status: 'active' as const,
              suppliers: suppliers.map(({ id, name }) => ({ id, name })),
            },
          ],
        }
      : {}),
  };
}

export type OcdsRelease = ReturnType<typeof callToRelease>;
