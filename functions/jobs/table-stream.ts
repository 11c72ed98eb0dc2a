import { applyStreamRecord, isCompanyChange, type StreamRecord } from '../data/table-stream.js';
import { SNAPSHOT_DEBOUNCE_MS, writeMatchSnapshot } from '../matching/match-index-cache.js';
import { logger } from '../core/logger.js';

/**
 * The table's stream consumer (DynamoDB Streams → Lambda): derived items follow every call and proposal
 * write. Records of one batch are applied in order; the first that fails is reported, so Lambda retries
 * from there (ReportBatchItemFailures) and no later record is applied before an earlier one.
 */
let snapshotWrittenAt = 0;

export async function handler(event: { Records: (StreamRecord & { dynamodb?: { SequenceNumber?: string } })[] }) {
  // Profiles changed: rewrite the match snapshot, at most once per SNAPSHOT_DEBOUNCE_MS per container. A
  // snapshot left behind costs only reads (cold containers ask for the changes since it), never exactness.
  if (event.Records.some(isCompanyChange) && Date.now() - snapshotWrittenAt > SNAPSHOT_DEBOUNCE_MS) {
    snapshotWrittenAt = Date.now();
    await writeMatchSnapshot().catch((e: unknown) => logger.error('match snapshot not written', { error: e as Error }));
  }
  for (const record of event.Records) {
    try {
      await applyStreamRecord(record);
    } catch (e) {
      logger.error('derived write failed', { error: e as Error, sequence: record.dynamodb?.SequenceNumber });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}
