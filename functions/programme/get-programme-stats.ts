import type { ProgrammeStats } from '../../shared/schemas/programme.js';
import { now } from '../core/clock.js';
import { readCounters } from '../data/aggregates.js';
import { listCallPromotions } from '../data/associations.js';
import { queryPublishedCalls } from '../data/calls.js';
import type { Key } from '../data/paging.js';
import { deadlineMonth, dtfItem, monthItem } from './call-contribution.js';
import { NEEDS_HELP_DAYS, NEEDS_HELP_SHOWN, needsHelpOf, shownNeedingHelp } from './compute-stats.js';
import { dtfDaysNeeded, statsFromCounters } from './stats-from-counters.js';

/** One computation serves every request for this long (the figures are a dashboard's, not a ledger's). */
export const STATS_TTL_MS = 30_000;

let cached: { at: number; stats: ProgrammeStats } | undefined;
let inFlight: Promise<ProgrammeStats> | undefined;

/** The programme dashboard figures, computed at most once per STATS_TTL_MS per process. */
export async function getProgrammeStats(): Promise<ProgrammeStats> {
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached.stats;
  inFlight ??= compute()
    .then((stats) => {
      cached = { at: Date.now(), stats };
      return stats;
    })
    .finally(() => (inFlight = undefined));
  return inFlight;
}

/**
 * From the programme's counter items (functions/data/aggregates.ts): its COUNTS item and this month's
 * deadlines, then the one or two day items the median days to the first proposal needs; whatever the
 * number of calls and proposals. «Needs help» lists calls, so it reads what it lists (below).
 */
async function compute(): Promise<ProgrammeStats> {
  const at = now();
  const [figures, needsHelp] = await Promise.all([scopeFigures('ALL', at), listNeedsHelp(at)]);
  return { ...figures, ...needsHelp };
}

/** The figures of one scope (`ALL`, a county `C#31`, a municipality `M#3101`) from its counter items alone. */
export async function scopeFigures(scope: string, at: Date) {
  const [main, month] = await Promise.all([readCounters(scope), readCounters(scope, monthItem(deadlineMonth(at.getTime())))]);
  const dtfDays = new Map(await Promise.all(dtfDaysNeeded(main).map(async (day) => [day, await readCounters(scope, dtfItem(day))] as const)));
  return statsFromCounters({ main, month, dtfDays }, at);
}

/**
 * Open calls closing within NEEDS_HELP_DAYS that need help, from the deadline index nearest first, a page at a
 * time with each page's promotions for the reach; it stops once one more than the dashboard shows is found (or
 * at the first later deadline): reads in proportion to what it lists, not to the calls closing soon.
 */
async function listNeedsHelp(at: Date): Promise<Pick<ProgrammeStats, 'needsHelp' | 'needsHelpMore'>> {
  const until = at.getTime() + NEEDS_HELP_DAYS * 86_400_000;
  const found: ProgrammeStats['needsHelp'] = [];
  let start: Key | undefined;
  do {
    const page = await queryPublishedCalls('open', at.toISOString(), {}, 50, start);
    const within = page.items.filter((c) => Date.parse(c.deadline) <= until);
    const promotions = new Map(await Promise.all(within.map(async (c) => [c.id, await listCallPromotions(c.id)] as const)));
    found.push(...needsHelpOf(within, (id) => promotions.get(id) ?? [], at));
    start = within.length < page.items.length ? undefined : page.lastKey;
  } while (start && found.length <= NEEDS_HELP_SHOWN);
  return shownNeedingHelp(found);
}

/** Tests (and a future write path) drop the cached figures. */
export function resetProgrammeStatsCache(): void {
  cached = undefined;
}
