/**
 * `npx tsx scripts/rebuild-statistics.ts`: drops and re-derives the statistics counters of the table named by
 * TABLE_NAME (DYNAMODB_ENDPOINT for a local one). Run once when the counters are first deployed onto a table
 * with data, in a quiet window (docs/data-model.md «Statistics as counters»).
 */
import { rebuildStatistics } from '../functions/data/call-stats.js';

const calls = await rebuildStatistics((s) => console.log(s));
console.log(`statistics rebuilt from ${calls} calls`);
