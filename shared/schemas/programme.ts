import * as z from 'zod/mini';

const counts = z.array(z.object({ key: z.string(), label: z.string(), count: z.number() }));

/** GET /api/programme/stats: the figures behind the programme dashboard. */
export const programmeStatsSchema = z.object({
  generatedAt: z.string(),
  calls: z.object({
    total: z.number(),
    byStatus: counts,
    byMunicipality: counts,
    byDomain: counts,
    byProcedure: counts,
  }),
  proposals: z.object({
    total: z.number(),
    perCall: z.object({ mean: z.number(), median: z.number(), max: z.number() }),
    /** Median days from publishing to the first proposal, over calls that have one. */
    medianDaysToFirstProposal: z.nullable(z.number()),
    distinctCompanies: z.number(),
    /** Share of distinct proposing companies that are SMEs, 0–1. */
    smeShare: z.nullable(z.number()),
    /** Proposals by member companies submitted after their association promoted the call. */
    fromPromotions: z.number(),
  }),
  /** Open calls with little reach and a deadline within 14 days, nearest first: who needs help now (at most 20). */
  needsHelp: z.array(z.object({ callId: z.string(), title: z.string(), municipalityName: z.string(), deadline: z.string(), daysLeft: z.number() })),
  /** More calls need help than `needsHelp` lists. */
  needsHelpMore: z.boolean(),
});
export type ProgrammeStats = z.infer<typeof programmeStatsSchema>;
