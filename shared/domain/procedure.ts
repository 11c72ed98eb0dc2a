/**
 * What each procurement procedure asks of companies, which stages it passes through, and the rules of
 * the competition (weighted criteria, the climate rule, the price formula, ranking). Pure: the phase of a
 * call is derived from what is stored and the clock, exactly like `status` (call-status.ts).
 */
import type { Procedure } from './vocabulary.js';
import type { StoredCallStatus } from './call-status.js';

export const PHASES = ['draft', 'open', 'selection', 'tendering', 'evaluation', 'standstill', 'contracted', 'concluded', 'cancelled'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, { nb: string; en: string }> = {
  draft: { nb: 'Utkast', en: 'Draft' },
  open: { nb: 'Åpen', en: 'Open' },
  selection: { nb: 'Utvelgelse', en: 'Selection' },
  tendering: { nb: 'Tilbudsfase', en: 'Tendering' },
  evaluation: { nb: 'Evaluering', en: 'Evaluation' },
  standstill: { nb: 'Karensperiode', en: 'Standstill' },
  contracted: { nb: 'Kontrakt inngått', en: 'Contracted' },
  concluded: { nb: 'Avsluttet', en: 'Concluded' },
  cancelled: { nb: 'Avlyst', en: 'Cancelled' },
};

/** What a company sends: «innspill» (market dialogue), «forespørsel om å delta» (request) or «tilbud» (tender). */
export type AnswerKind = 'innspill' | 'request' | 'tender';
/** The two stored stages of answers: the first answer to the call, and (two-stage procedures) the tender. */
export type AnswerStage = 'request' | 'tender';

export const isMarketDialogue = (p: Procedure) => p === 'market-dialogue';
/** Competitive procedure with negotiation and innovation partnership: requests to take part, then tenders. */
export const isTwoStage = (p: Procedure) => p === 'competitive-negotiation' || p === 'innovation-partnership';
/** Every procedure but market dialogue is a competition: published criteria, evaluation, award. */
export const isCompetition = (p: Procedure) => !isMarketDialogue(p);

/** The stages a procedure passes through, in order (cancellation can end any of them before contracted). */
export function stagesOf(p: Procedure): Phase[] {
  if (isMarketDialogue(p)) return ['draft', 'open', 'concluded'];
  if (isTwoStage(p)) return ['draft', 'open', 'selection', 'tendering', 'evaluation', 'standstill', 'contracted'];
  return ['draft', 'open', 'evaluation', 'standstill', 'contracted'];
}

/** What a company sends in the first stage of a procedure (while the call is open). */
export function firstAnswerKind(p: Procedure): AnswerKind {
  if (isMarketDialogue(p)) return 'innspill';
  return isTwoStage(p) ? 'request' : 'tender';
}

/** Phases in which a two-stage call's current answers are tenders (after selection). */
const TENDER_PHASES: ReadonlySet<string> = new Set<Phase>(['tendering', 'evaluation', 'standstill', 'contracted']);

/**
 * The noun rule (docs/glossary.md): what a call asks companies for, or weighs, in a phase. Market dialogue →
 * innspill; the first stage of competitive negotiation and innovation partnership → request to participate;
 * otherwise (and the tender stage) → tender. Without a phase it is what the call asks for while open.
 * Every text that names what a company sends (web, e-mails, feeds, calendar) takes its noun from this.
 */
export const answerKindNow = (p: Procedure, phase?: string): AnswerKind =>
  answerKindOf(p, isTwoStage(p) && phase && TENDER_PHASES.has(phase) ? 'tender' : 'request');

/** The kind of answer stored under a stage. */
export const answerKindOf = (p: Procedure, stage: AnswerStage): AnswerKind => (stage === 'tender' && isTwoStage(p) ? 'tender' : firstAnswerKind(p));

/** What of the stored call the phase depends on. */
export interface PhaseState {
  procedure: Procedure;
  status: StoredCallStatus;
  deadline: string;
  selection?: { decidedAt: string; tenderDeadline: string };
  /** The award decision in force (a withdrawn one is not passed here). */
  award?: { decidedAt: string; standstillEndsAt: string };
  contract?: { signedAt: string };
}

/**
 * The phase of a call at `now`. `standstill` lasts from the award decision until the contract is recorded
 * (the standstill period itself ends at `standstillEndsAt`; `standstillOver` tells the two apart).
 */
export function callPhase(s: PhaseState, now: Date): Phase {
  if (s.status === 'draft') return 'draft';
  if (s.status === 'cancelled') return 'cancelled';
  const t = now.getTime();
  if (isMarketDialogue(s.procedure)) return t < Date.parse(s.deadline) ? 'open' : 'concluded';
  if (s.contract) return 'contracted';
  if (t < Date.parse(s.deadline)) return 'open';
  if (isTwoStage(s.procedure)) {
    if (!s.selection) return 'selection';
    if (t < Date.parse(s.selection.tenderDeadline)) return 'tendering';
  }
  return s.award ? 'standstill' : 'evaluation';
}

export const standstillOver = (award: { standstillEndsAt: string } | undefined, now: Date) => !!award && now.getTime() >= Date.parse(award.standstillEndsAt);

/**
 * The deadline that seals the answers of a stage: the request deadline, or for tenders of a two-stage
 * procedure the tender deadline set at selection.
 */
export function stageDeadline(s: PhaseState, stage: AnswerStage): string | undefined {
  return stage === 'tender' && isTwoStage(s.procedure) ? s.selection?.tenderDeadline : s.deadline;
}

/** The stage whose answers are current: tenders once a two-stage call has selected, else the first answers. */
export const currentStage = (s: PhaseState): AnswerStage => (isTwoStage(s.procedure) && s.selection ? 'tender' : 'request');

/**
 * Association reach and programme statistics may show proposal counts for a call only once its partners are
 * chosen: a contract is signed, the call is cancelled, or the municipality has recorded its outcome (which is how
 * a market dialogue is concluded, and how partners are named outside the award path). A passed deadline alone is
 * never enough: before the choice a count reveals how the competition stands.
 */
export const proposalFiguresMayBeShown = (phase: Phase, hasOutcome = false) => hasOutcome || phase === 'contracted' || phase === 'cancelled';

// ─── Criteria and the climate rule (anskaffelsesforskriften § 7-9) ─────────────────────────────────────

export const CRITERION_KINDS = ['price', 'quality', 'climate', 'other'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export interface Criterion {
  id: string;
  name: string;
  kind: CriterionKind;
  weight: number;
  description?: string;
}
/** § 7-9 (2): climate and environment weighted at least 30 % … */
export const CLIMATE_MIN_WEIGHT = 30;
export const CLIMATE_RULE =
  'Climate and environment must weigh at least 30 % (a climate criterion with weight ≥ 30) or be set as requirements ' +
  'in the specification (climateRequirements), anskaffelsesforskriften § 7-9';

export interface CriteriaProblem {
  path: string;
  message: string;
}

/** Everything wrong with a call's criteria for its procedure; empty when it may be published. */
export function criteriaProblems(
  procedure: Procedure,
  criteria: readonly Criterion[] | undefined,
  climateRequirements: { text: string } | undefined,
): CriteriaProblem[] {
  if (isMarketDialogue(procedure)) {
    const out: CriteriaProblem[] = [];
    if (criteria?.length) out.push({ path: 'awardCriteria', message: 'A market dialogue has no award criteria: nothing is awarded' });
    if (climateRequirements) out.push({ path: 'climateRequirements', message: 'A market dialogue has no award, so no climate requirements for one' });
    return out;
  }
  if (!criteria || criteria.length === 0) {
    return [{ path: 'awardCriteria', message: 'A competition must publish its award criteria with weights' }];
  }
  const out: CriteriaProblem[] = [];
  const ids = new Set<string>();
  criteria.forEach((c, i) => {
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > 100) {
      out.push({ path: `awardCriteria.${i}.weight`, message: 'Weights are whole numbers from 1 to 100' });
    }
    if (ids.has(c.id)) out.push({ path: `awardCriteria.${i}.id`, message: `Criterion id ${c.id} is used twice` });
    ids.add(c.id);
  });
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (sum !== 100) out.push({ path: 'awardCriteria', message: `The weights must sum to 100; they sum to ${sum}` });
  if (criteria.filter((c) => c.kind === 'price').length > 1) {
    out.push({ path: 'awardCriteria', message: 'At most one price criterion (it is scored by the price formula)' });
  }
  const climateWeight = criteria.filter((c) => c.kind === 'climate').reduce((s, c) => s + c.weight, 0);
  if (climateWeight < CLIMATE_MIN_WEIGHT && !climateRequirements?.text?.trim()) {
    out.push({ path: 'awardCriteria', message: CLIMATE_RULE });
  }
  return out;
}

// ─── Scores, the price formula and ranking ──────────────────────────────────────────────────────────────

/** Scores are 0–10 with at most two decimals; all arithmetic below is on hundredths, in integers. */
export const toHundredths = (x: number) => Math.round(x * 100);
export const fromHundredths = (n: number) => n / 100;
export const isValidScore = (x: number) => Number.isFinite(x) && x >= 0 && x <= 10 && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

/** Integer division rounding half up (non-negative operands). */
const divRound = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

/**
 * The published price formula: the lowest price scores 10, every other price 10 × lowest / price, to two
 * decimals (rounded half up). A price of 0 is the lowest possible; every other price then scores 0.
 */
export function priceScores(prices: Readonly<Record<string, number>>): Record<string, number> {
  const values = Object.values(prices);
  if (values.length === 0) return {};
  const lowest = Math.min(...values);
  const out: Record<string, number> = {};
  for (const [org, price] of Object.entries(prices)) {
    out[org] = price === lowest ? 10 : fromHundredths(divRound(1000 * lowest, price));
  }
  return out;
}

/** weight × score / 10, on the 0–100 scale, two decimals (rounded half up). */
export const weightedScore = (weight: number, score: number) => fromHundredths(divRound(weight * toHundredths(score), 10));

export interface ScoredItem {
  orgNumber: string;
  scores: Record<string, number>;
}
export interface RankedItem extends ScoredItem {
  weighted: Record<string, number>;
  total: number;
  rank: number;
}

/**
 * Weighted scores, totals and ranks, best first. A missing score counts as 0 (an unfinished evaluation);
 * equal totals share a rank and the next rank skips (1, 1, 3). Ties keep org-number order, so the list is stable.
 */
export function rankEvaluation(criteria: readonly Pick<Criterion, 'id' | 'weight'>[], items: readonly ScoredItem[]): RankedItem[] {
  const computed = items.map((item) => {
    const weighted: Record<string, number> = {};
    let totalHundredths = 0;
    for (const c of criteria) {
      const w = weightedScore(c.weight, item.scores[c.id] ?? 0);
      weighted[c.id] = w;
      totalHundredths += toHundredths(w);
    }
    return { ...item, weighted, total: fromHundredths(totalHundredths), rank: 0 };
  });
  computed.sort((a, b) => b.total - a.total || a.orgNumber.localeCompare(b.orgNumber));
  computed.forEach((item, i) => {
    item.rank = i > 0 && computed[i - 1]!.total === item.total ? computed[i - 1]!.rank : i + 1;
  });
  return computed;
}

/** A tender is evaluated when every criterion not scored by formula has a score. */
export const isFullyScored = (criteria: readonly Pick<Criterion, 'id' | 'kind'>[], scores: Record<string, number> | undefined) =>
  criteria.every((c) => c.kind === 'price' || typeof scores?.[c.id] === 'number');

// ─── Award and selection rules ──────────────────────────────────────────────────────────────────────────

export const DEFAULT_STANDSTILL_DAYS = 10;
export const MIN_STANDSTILL_DAYS = 5;
export const MIN_TENDER_DAYS = 10;
const DAY = 86_400_000;

/** When a standstill of `days` calendar days that starts at `decidedAt` ends. */
export const standstillEnd = (decidedAt: string, days: number) => new Date(Date.parse(decidedAt) + days * DAY).toISOString();

/** The tender deadline set at selection must lie at least ten days ahead. */
export const tenderDeadlineProblem = (tenderDeadline: string, now: Date): string | undefined =>
  Date.parse(tenderDeadline) - now.getTime() < MIN_TENDER_DAYS * DAY ? `The tender deadline must be at least ${MIN_TENDER_DAYS} days ahead` : undefined;

/** Median of a list of numbers (undefined when empty). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// ─── Programme view: calls stuck in a phase ─────────────────────────────────────────────────────────────

/** How long a call may sit in a phase before the programme should look at it (days after the phase began). */
export const STUCK_AFTER_DAYS: Partial<Record<Phase, number>> = { selection: 14, evaluation: 30, standstill: 14 };

/**
 * When the current phase began, from the stored facts: selection at the request deadline, evaluation at the
 * (tender) deadline or the last withdrawal, and for standstill the end of the period (a contract is then overdue).
 */
export function phaseSince(phase: Phase, s: PhaseState & { lastWithdrawnAt?: string }): string | undefined {
  if (phase === 'selection') return s.deadline;
  if (phase === 'evaluation') {
    const start = s.selection?.tenderDeadline ?? s.deadline;
    return s.lastWithdrawnAt && s.lastWithdrawnAt > start ? s.lastWithdrawnAt : start;
  }
  if (phase === 'standstill') return s.award?.standstillEndsAt;
  return undefined;
}

/** Days a call has been stuck beyond the allowance of its phase, or undefined when it is not stuck. */
export function daysStuck(phase: Phase, since: string | undefined, now: Date): number | undefined {
  const allowance = STUCK_AFTER_DAYS[phase];
  if (allowance === undefined || !since) return undefined;
  const days = Math.floor((now.getTime() - Date.parse(since)) / DAY);
  return days > allowance ? days : undefined;
}
