/**
 * What one call adds to the statistics counters (functions/data/aggregates.ts): a pure function of the
 * call and the facts around it (outcome, proposals, promotions, memberships). The aggregates are the sum of
 * every call's contribution, so a change anywhere near a call is applied by re-deriving its contribution
 * from the stored facts and adding the difference to the old one: replaying it changes nothing, which is
 * what an at-least-once stream needs (docs/data-model.md «Statistics as counters»).
 */
import type { CallRecord } from '../data/call-record.js';
import { callPhase, proposalFiguresMayBeShown } from '../../shared/domain/procedure.js';

/** Days to the first proposal are counted in whole minutes (the dashboard rounds the median to 0.1 day). */
export const MINUTE = 60_000;
export const MINUTES_A_DAY = 1440;

export interface CallFacts {
  call: CallRecord;
  hasOutcome: boolean;
  /** The call's first-stage proposals (innspill or requests to take part). */
  proposals: readonly { orgNumber: string; submittedAt: string }[];
  promotions: readonly { associationId: string; promotedAt: string }[];
  /** Whether the company is an accepted member of the association now. */
  accepted: (associationId: string, orgNumber: string) => boolean;
}

/**
 * `counts` keys are `<sort key>|<attribute>`: the same for every scope the call counts in (the programme,
 * its county, its municipality), except that `COUNTS|municipality_*` is not kept in a municipality's own item.
 * `orgs`: the companies whose proposals count (distinct companies and the SME share are kept per company).
 */
export interface Contribution {
  municipalityCode: string;
  counts: Record<string, number>;
  orgs: string[];
}

export const COUNTS = 'COUNTS';
/** Attribute names are plain (`procedure_market_dialogue`), so UpdateItem can ADD them by name. */
export const attrName = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');
/** Stored-open calls by deadline month: `COUNTS|dlm_<yyyymm>`, with each deadline exactly in `DL#<yyyymm>|t_<ms>`. */
export const deadlineMonth = (ms: number) => new Date(ms).toISOString().slice(0, 7).replace('-', '');
export const monthItem = (yyyymm: string) => `DL#${yyyymm}`;
/** Days to the first proposal: whole days in `COUNTS|dtf_<day>`, the minute of that day in `DTF#<day>|m_<minute>`. */
export const dtfItem = (day: number) => `DTF#${day}`;

/** Whether the call's proposals may enter any figure: its partners are chosen (time plays no part in that). */
export const partnersChosen = (call: CallRecord, hasOutcome: boolean) => proposalFiguresMayBeShown(callPhase(call, new Date(0)), hasOutcome);

export function contributionOf(f: CallFacts): Contribution {
  const { call } = f;
  const counts: Record<string, number> = {};
  const add = (sk: string, attr: string, n = 1) => {
    const key = `${sk}|${attrName(attr)}`;
    if (n !== 0) counts[key] = (counts[key] ?? 0) + n;
  };
  add(COUNTS, 'calls');
  add(COUNTS, `status_${call.status}`);
  add(COUNTS, `procedure_${call.procedure}`);
  for (const d of call.domains) add(COUNTS, `domain_${d}`);
  add(COUNTS, `municipality_${call.municipalityCode}`);
  add(COUNTS, 'proposals', f.proposals.length);
  if (call.status === 'open') {
    const ms = Date.parse(call.deadline);
    add(COUNTS, `dlm_${deadlineMonth(ms)}`);
    add(monthItem(deadlineMonth(ms)), `t_${ms}`);
  }
  if (!partnersChosen(call, f.hasOutcome)) return { municipalityCode: call.municipalityCode, counts, orgs: [] };

  const n = f.proposals.length;
  add(COUNTS, 'p_chosen', n);
  const promoted = f.proposals.filter((p) =>
    f.promotions.some((pr) => f.accepted(pr.associationId, p.orgNumber) && Date.parse(p.submittedAt) > Date.parse(pr.promotedAt)),
  ).length;
  add(COUNTS, 'p_promoted', promoted);
  // Per-call figures are over calls that ran their course: published and never cancelled.
  if (call.status === 'open' && call.publishedAt) {
    add(COUNTS, `pc_${n}`);
    if (n > 0) {
      const first = Math.min(...f.proposals.map((p) => Date.parse(p.submittedAt)));
      const minutes = Math.floor(Math.max(0, first - Date.parse(call.publishedAt)) / MINUTE);
      const day = Math.floor(minutes / MINUTES_A_DAY);
      add(COUNTS, `dtf_${day}`);
      add(dtfItem(day), `m_${minutes % MINUTES_A_DAY}`);
    }
  }
  return { municipalityCode: call.municipalityCode, counts, orgs: [...new Set(f.proposals.map((p) => p.orgNumber))].sort() };
}
