import { aggregateItems } from './aggregates.js';
import { membershipItem } from './associations.js';
import { batchWrite } from './batch-write.js';
import { postings, postingsOf } from './call-postings.js';
import { calls, type CallRecord } from './calls.js';
import { organisations, type OrganisationRecord } from './organisations.js';
import { proposals, type ProposalRecord } from './proposals.js';

/**
 * Writes a generated market straight into the table with BatchWriteItem (25 items a request, `parallel`
 * requests at once): the same items the use cases write one by one, derived items included (postings,
 * counters), for the scale bench and `SEED=national`, where going through every use case would take hours.
 */
export interface BulkMarket {
  organisations: OrganisationRecord[];
  calls: CallRecord[];
  proposals: ProposalRecord[];
  memberships: Parameters<typeof membershipItem>[0][];
  /** Write only the postings of these partitions (a bench that measures a few routes); all when absent. */
  onlyPartitions?: ReadonlySet<string>;
}

export async function bulkLoad(m: BulkMarket, log: (s: string) => void = () => {}, parallel = 8): Promise<number> {
  const items: Record<string, unknown>[] = [
    ...m.organisations.map(organisations.toItem),
    ...m.calls.map(calls.toItem),
    ...m.calls.flatMap((c) =>
      postingsOf(c)
        .filter((p) => !m.onlyPartitions || m.onlyPartitions.has(p.facet))
        .map(postings.toItem),
    ),
    ...m.proposals.map(proposals.toItem),
    ...m.memberships.map(membershipItem),
    ...aggregateItems(m.calls, m.proposals, m.organisations),
  ];
  const chunk = 25 * 40;
  let next = 0;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) {
        const from = next;
        next += chunk;
        await batchWrite(items.slice(from, from + chunk));
        done += Math.min(chunk, items.length - from);
        if (done % 50_000 < chunk) log(`${done}/${items.length} items (${Math.round(done / ((Date.now() - started) / 1000))}/s)`);
      }
    }),
  );
  return items.length;
}
