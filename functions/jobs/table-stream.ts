import { applyStreamRecord, type StreamRecord } from '../data/table-stream.js';
import { logger } from '../core/logger.js';

/**
 * The table's stream consumer (DynamoDB Streams → Lambda): derived items follow every call and proposal
 * write. Records of one batch are applied in order; the first that fails is reported, so Lambda retries
 * from there (ReportBatchItemFailures) and no later record is applied before an earlier one.
 */
export async function handler(event: { Records: (StreamRecord & { dynamodb?: { SequenceNumber?: string } })[] }) {
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
