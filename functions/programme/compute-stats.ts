import { effectiveStatus, CALL_STATUSES, type CallStatus } from '../../shared/domain/call-status.js';
import { MUNICIPALITIES, municipalityName } from '../../shared/domain/municipalities.js';
import { DOMAINS, DOMAIN_LABELS, PROCEDURES, PROCEDURE_LABELS } from '../../shared/domain/vocabulary.js';
import type { ProgrammeStats } from '../../shared/schemas/programme.js';
import type { CallRecord } from '../data/calls.js';
import type { ProposalStamp, PromotionStamp } from '../data/programme.js';
import { memberKey } from '../data/programme.js';

const DAY = 86_400_000;
/**
 * A call needs help when it is open, closes within this many days and has little public reach: fewer than
 * NEEDS_HELP_VIEWS counted views through promotions (none when nobody promoted it). Never from proposals:
 * whether a sealed call has answers is nobody's business until its partners are chosen.
 */
export const NEEDS_HELP_DAYS = 14;
export const NEEDS_HELP_VIEWS = 10;
/** The dashboard lists this many, nearest deadline first: a list of hundreds (national size) helps nobody. */
export const NEEDS_HELP_SHOWN = 20;

/** The first NEEDS_HELP_SHOWN of a nearest-first list, and whether there were more. */
export function shownNeedingHelp(all: ProgrammeStats['needsHelp']): Pick<ProgrammeStats, 'needsHelp' | 'needsHelpMore'> {
  return { needsHelp: all.slice(0, NEEDS_HELP_SHOWN), needsHelpMore: all.length > NEEDS_HELP_SHOWN };
}

/** Bokmål status names, as the web app shows them. */
export const STATUS_LABELS: Record<CallStatus, string> = { draft: 'Utkast', open: 'Åpen', closed: 'Frist passert', cancelled: 'Avlyst' };

export interface StatsInput {
  calls: CallRecord[];
  proposals: ProposalStamp[];
  /** Per organisasjonsnummer; companies missing here count as SMEs (the profile default). */
  sme: Map<string, boolean>;
  promotions: PromotionStamp[];
  /** memberKey(associationId, orgNumber) of accepted memberships. */
  acceptedMembers: Set<string>;
  /**
   * Calls whose municipality has chosen its partners (an outcome exists, published or not). Only their
   * proposals enter any figure: a count, mean or share over a call still choosing says who is bidding.
   */
  chosen: Set<string>;
}

/**
 * Open calls closing within NEEDS_HELP_DAYS whose promotions reached fewer than NEEDS_HELP_VIEWS views,
 * nearest deadline first: from public facts only (deadline, promotions and their counted views), never proposals.
 */
export function needsHelpOf(calls: readonly CallRecord[], promotionsOf: (callId: string) => readonly PromotionStamp[], now: Date): ProgrammeStats['needsHelp'] {
  const out: ProgrammeStats['needsHelp'] = [];
  for (const c of calls) {
    const msLeft = Date.parse(c.deadline) - now.getTime();
    if (effectiveStatus(c.status, c.deadline, now) !== 'open' || msLeft > NEEDS_HELP_DAYS * DAY) continue;
    const reach = promotionsOf(c.id).reduce((sum, pr) => sum + (pr.views ?? 0), 0);
    if (reach >= NEEDS_HELP_VIEWS) continue;
    out.push({
      callId: c.id,
      title: c.title,
      municipalityName: municipalityName(c.municipalityCode) ?? c.municipalityCode,
      deadline: c.deadline,
      // Whole days left: 0 means it closes within a day.
      daysLeft: Math.floor(msLeft / DAY),
    });
  }
  return out.sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function counter<K extends string>(keysInOrder: readonly K[], label: (k: K) => string) {
  const counts = new Map<string, number>(keysInOrder.map((k) => [k, 0]));
  return {
    add: (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1),
    list: () => [...counts].map(([key, count]) => ({ key, label: label(key as K), count })),
  };
}

/**
 * The programme dashboard figures recomputed from all calls and all proposal stamps at `now`: the
 * definition the counters (stats-from-counters.ts, kept on every write) are tested to equal.
 * - calls: every call, drafts included; each breakdown lists every key (zero counts too), and byStatus,
 *   byMunicipality and byProcedure each sum to total (byDomain more: a call may have several domains).
 * - proposal figures (total, per call, days to first, companies, SME share, from promotions): only over
 *   calls whose partners are chosen (`chosen`); per call over such published calls, zero included.
 * - needsHelp: from public facts only (deadline, promotions and their counted views), never proposals.
 * - fromPromotions: proposals by a company that is an accepted member of an association that promoted the
 *   call before the proposal was submitted; each proposal counts once however many promotions it follows.
 */
export function computeStats(input: StatsInput, now: Date): ProgrammeStats {
  const status = counter(CALL_STATUSES, (k) => STATUS_LABELS[k]);
  const byMunicipality = counter(
    MUNICIPALITIES.map((m) => m.code),
    (k) => municipalityName(k) ?? k,
  );
  const byDomain = counter(DOMAINS, (k) => DOMAIN_LABELS[k].nb);
  const byProcedure = counter(PROCEDURES, (k) => PROCEDURE_LABELS[k].nb);

  const proposals = input.proposals.filter((p) => input.chosen.has(p.callId));
  const proposalsByCall = new Map<string, ProposalStamp[]>();
  for (const p of proposals) {
    const list = proposalsByCall.get(p.callId) ?? [];
    list.push(p);
    proposalsByCall.set(p.callId, list);
  }

  const promotionsByCall = new Map<string, PromotionStamp[]>();
  for (const pr of input.promotions) {
    const list = promotionsByCall.get(pr.callId) ?? [];
    list.push(pr);
    promotionsByCall.set(pr.callId, list);
  }

  const perCall: number[] = [];
  const daysToFirst: number[] = [];
  for (const c of input.calls) {
    const s = effectiveStatus(c.status, c.deadline, now);
    status.add(s);
    byMunicipality.add(c.municipalityCode);
    for (const d of c.domains) byDomain.add(d);
    byProcedure.add(c.procedure);

    const received = proposalsByCall.get(c.id) ?? [];
    if ((s === 'open' || s === 'closed') && c.publishedAt && input.chosen.has(c.id)) {
      perCall.push(received.length);
      const first = received.reduce((min, p) => Math.min(min, Date.parse(p.submittedAt)), Infinity);
      if (Number.isFinite(first)) daysToFirst.push(Math.max(0, (first - Date.parse(c.publishedAt)) / DAY));
    }
  }
  const needsHelp = shownNeedingHelp(needsHelpOf(input.calls, (id) => promotionsByCall.get(id) ?? [], now));

  const companies = [...new Set(proposals.map((p) => p.orgNumber))];
  const smes = companies.filter((org) => input.sme.get(org) !== false).length;

  const fromPromotions = proposals.filter((p) =>
    (promotionsByCall.get(p.callId) ?? []).some(
      (pr) => input.acceptedMembers.has(memberKey(pr.associationId, p.orgNumber)) && Date.parse(p.submittedAt) > Date.parse(pr.promotedAt),
    ),
  ).length;

  const medianDays = median(daysToFirst);
  return {
    generatedAt: now.toISOString(),
    calls: {
      total: input.calls.length,
      byStatus: status.list(),
      byMunicipality: byMunicipality.list(),
      byDomain: byDomain.list(),
      byProcedure: byProcedure.list(),
    },
    proposals: {
      total: proposals.length,
      perCall: {
        mean: perCall.length ? round(perCall.reduce((a, b) => a + b, 0) / perCall.length, 2) : 0,
        median: median(perCall) ?? 0,
        max: perCall.length ? Math.max(...perCall) : 0,
      },
      medianDaysToFirstProposal: medianDays === null ? null : round(medianDays, 1),
      distinctCompanies: companies.length,
      smeShare: companies.length ? round(smes / companies.length, 3) : null,
      fromPromotions,
    },
    ...needsHelp,
  };
}
