/**
 * The programme dashboard's figures from counter items alone (functions/data/aggregates.ts), equal to
 * computeStats over every call and proposal (compute-stats.ts, kept as the reference the tests compare
 * with). Medians come from histograms: proposals per call exactly (small integers), days to the first
 * proposal to the minute (whole days in the scope's item, the minutes of a day in that day's item, so at
 * most two small day items are read).
 */
import { CALL_STATUSES } from '../../shared/domain/call-status.js';
import { MUNICIPALITIES, municipalityName } from '../../shared/domain/municipalities.js';
import { DOMAINS, DOMAIN_LABELS, PROCEDURES, PROCEDURE_LABELS } from '../../shared/domain/vocabulary.js';
import type { ProgrammeStats } from '../../shared/schemas/programme.js';
import { attrName, deadlineMonth, MINUTES_A_DAY } from './call-contribution.js';
import { STATUS_LABELS } from './compute-stats.js';

type Counts = Record<string, number>;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** `prefix<number>` attributes with a count above zero, as [number, count] in ascending order. */
export function histogram(counts: Counts, prefix: string): [number, number][] {
  return Object.entries(counts)
    .filter(([k, n]) => k.startsWith(prefix) && n > 0 && /^\d+$/.test(k.slice(prefix.length)))
    .map(([k, n]) => [Number(k.slice(prefix.length)), n] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

const total = (h: [number, number][]) => h.reduce((a, [, n]) => a + n, 0);

/** The 0-based ranks whose values make the median of `n` values. */
export const medianRanks = (n: number): number[] => (n === 0 ? [] : n % 2 ? [(n - 1) / 2] : [n / 2 - 1, n / 2]);

/** The bucket holding the value of 0-based `rank`, and the rank inside it. */
export function locate(h: [number, number][], rank: number): { value: number; rankInside: number } {
  let before = 0;
  for (const [value, n] of h) {
    if (rank < before + n) return { value, rankInside: rank - before };
    before += n;
  }
  throw new Error(`rank ${rank} beyond ${before} values`);
}

/** The day buckets of days-to-first-proposal the median needs: their `DTF#<day>` items are read next. */
export const dtfDaysNeeded = (main: Counts): number[] => {
  const days = histogram(main, 'dtf_');
  return [...new Set(medianRanks(total(days)).map((r) => locate(days, r).value))];
};

function medianDaysToFirst(main: Counts, dtfDays: ReadonlyMap<number, Counts>): number | null {
  const days = histogram(main, 'dtf_');
  const ranks = medianRanks(total(days));
  if (ranks.length === 0) return null;
  const minutes = ranks.map((r) => {
    const { value: day, rankInside } = locate(days, r);
    return day * MINUTES_A_DAY + locate(histogram(dtfDays.get(day) ?? {}, 'm_'), rankInside).value;
  });
  return round(minutes.reduce((a, b) => a + b, 0) / minutes.length / MINUTES_A_DAY, 1);
}

/** How many stored-open calls have a deadline at or before `now` (they read as closed). */
function pastDeadline(main: Counts, month: Counts, now: Date): number {
  const current = Number(deadlineMonth(now.getTime()));
  const earlier = histogram(main, 'dlm_').filter(([m]) => m < current);
  return total(earlier) + total(histogram(month, 't_').filter(([ms]) => ms <= now.getTime()));
}

function list(keysInOrder: readonly string[], prefix: string, counts: Counts, label: (k: string) => string) {
  return keysInOrder.map((key) => ({ key, label: label(key), count: counts[`${prefix}${attrName(key)}`] ?? 0 }));
}

export interface CounterItems {
  /** The scope's `COUNTS` item. */
  main: Counts;
  /** The `DL#<yyyymm>` item of the current month. */
  month: Counts;
  /** The `DTF#<day>` items of dtfDaysNeeded(main). */
  dtfDays: ReadonlyMap<number, Counts>;
}

export function statsFromCounters({ main, month, dtfDays }: CounterItems, now: Date): Omit<ProgrammeStats, 'needsHelp' | 'needsHelpMore'> {
  const closed = pastDeadline(main, month, now);
  const byStatus = CALL_STATUSES.map((key) => {
    const count = key === 'open' ? (main.status_open ?? 0) - closed : key === 'closed' ? closed : (main[`status_${key}`] ?? 0);
    return { key, label: STATUS_LABELS[key], count };
  });
  const known = new Set<string>(MUNICIPALITIES.map((m) => m.code));
  const others = Object.keys(main)
    .filter((k) => k.startsWith('municipality_') && main[k]! > 0)
    .map((k) => k.slice('municipality_'.length))
    .filter((c) => !known.has(c))
    .sort();
  const perCall = histogram(main, 'pc_');
  const ran = total(perCall);
  const companies = main.companies ?? 0;
  return {
    generatedAt: now.toISOString(),
    calls: {
      total: main.calls ?? 0,
      byStatus,
      byMunicipality: list([...known, ...others], 'municipality_', main, (k) => municipalityName(k) ?? k),
      byDomain: list(DOMAINS, 'domain_', main, (k) => DOMAIN_LABELS[k as (typeof DOMAINS)[number]].nb),
      byProcedure: list(PROCEDURES, 'procedure_', main, (k) => PROCEDURE_LABELS[k as (typeof PROCEDURES)[number]].nb),
    },
    proposals: {
      total: main.p_chosen ?? 0,
      perCall: {
        mean: ran ? round(perCall.reduce((a, [n, calls]) => a + n * calls, 0) / ran, 2) : 0,
        median: ran ? medianRanks(ran).reduce((a, r) => a + locate(perCall, r).value, 0) / medianRanks(ran).length : 0,
        max: ran ? perCall[perCall.length - 1]![0] : 0,
      },
      medianDaysToFirstProposal: medianDaysToFirst(main, dtfDays),
      distinctCompanies: companies,
      smeShare: companies ? round((main.sme_companies ?? 0) / companies, 3) : null,
      fromPromotions: main.p_promoted ?? 0,
    },
  };
}
