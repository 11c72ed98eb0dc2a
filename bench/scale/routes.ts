/**
 * The routes the scale bench measures, called in this process through the same use-case functions the
 * HTTP handlers call (so the DynamoDB work is exactly the route's), each inside a capacity meter.
 */
import { listCalls } from '../../functions/calls/list-calls.js';
import { getCall } from '../../functions/calls/get-call.js';
import { listMyProposals } from '../../functions/proposals/list-my-proposals.js';
import { getProgrammeStats, resetProgrammeStatsCache, scopeFigures } from '../../functions/programme/get-programme-stats.js';
import { recomputeProgrammeStats } from '../../functions/programme/recompute-stats.js';
import { listOpenCalls } from '../../functions/data/calls.js';
import { invalidatePublishedSnapshot } from '../../functions/data/published-snapshot.js';
import type { Principal } from '../../functions/core/principal.js';
import type { ListCallsQuery } from '../../shared/schemas/calls.js';

export interface RouteCase {
  id: string;
  /** Who calls it, for the traffic model. */
  role: 'public' | 'company' | 'municipality' | 'programme';
  /** A list route: its read units should not grow with the table (goal ≤ 1.5× national/Østfold). */
  list: boolean;
  run: () => Promise<number>;
}

const municipality = (orgId: string): Principal => ({ userId: `user-${orgId}`, name: 'Bench', orgId, role: 'municipality' });
const company = (orgId: string): Principal => ({ userId: `user-${orgId}`, name: 'Bench', orgId, role: 'company' });
const list = (q: Partial<ListCallsQuery>) => async () => (await listCalls({ limit: 20, ...q } as ListCallsQuery, undefined)).items.length;

export function routeCases(ctx: { busyCompany: string; someCall: string }): RouteCase[] {
  return [
    { id: 'GET /api/calls (page 20)', role: 'public', list: true, run: list({}) },
    { id: 'GET /api/calls?status=closed', role: 'public', list: true, run: list({ status: 'closed' }) },
    { id: 'GET /api/calls?municipality=3107', role: 'public', list: true, run: list({ municipality: '3107' } as never) },
    { id: 'GET /api/calls?county=31', role: 'public', list: true, run: list({ county: '31' }) },
    { id: 'GET /api/calls?domain=energy', role: 'public', list: true, run: list({ domain: 'energy' }) },
    { id: 'GET /api/calls?cpv=48', role: 'public', list: true, run: list({ cpv: '48' }) },
    { id: 'GET /api/calls?q=sensorer', role: 'public', list: true, run: list({ q: 'sensorer' }) },
    { id: 'GET /api/calls?q=lading&county=31', role: 'public', list: true, run: list({ q: 'lading', county: '31' }) },
    { id: 'GET /api/calls/{id}', role: 'public', list: false, run: async () => ((await getCall(ctx.someCall, undefined)) ? 1 : 0) },
    {
      id: 'GET /api/calls?mine=true (3107)',
      role: 'municipality',
      list: true,
      run: async () => (await listCalls({ limit: 20, mine: 'true' } as ListCallsQuery, municipality('3107'))).items.length,
    },
    {
      // The same page at every size (the goal compares pages): the busiest company has 5 proposals at Østfold, 10 nationally.
      id: 'GET /api/me/proposals (page 5)',
      role: 'company',
      list: true,
      run: async () => (await listMyProposals({ limit: 5 }, company(ctx.busyCompany))).items.length,
    },
    // The dashboard from counter items (its «needs help» list reads the calls closing within 14 days).
    {
      id: 'GET /api/programme/stats',
      role: 'programme',
      list: true,
      run: async () => {
        resetProgrammeStatsCache();
        return (await getProgrammeStats()).needsHelp.length;
      },
    },
    {
      id: 'programme figures without «needs help» (ALL counters)',
      role: 'programme',
      list: true,
      run: async () => (await scopeFigures('ALL', new Date())).calls.total,
    },
    { id: 'county statistics (C#31 counters)', role: 'programme', list: true, run: async () => (await scopeFigures('C#31', new Date())).calls.total },
    {
      id: 'programme statistics, full recompute (before counters)',
      role: 'programme',
      list: false,
      run: async () => (await recomputeProgrammeStats()).calls.total,
    },
    {
      id: 'open calls reload (slate, my matches, notices)',
      role: 'company',
      list: false,
      run: async () => {
        invalidatePublishedSnapshot();
        return (await listOpenCalls(new Date().toISOString())).length;
      },
    },
  ];
}
