import { bulkLoad } from '../../functions/data/bulk-load.js';
import { isSeeded, markSeeded } from '../../functions/data/table-setup.js';
import { generateMarket, marketRecords, SIZES } from './generate/national.js';

/**
 * `SEED=national` (or `five`, `ostfold`): the generated market of the scale bench, written once per table with
 * BatchWriteItem (postings and counters included). National is ≈ 1.4 million items: minutes to tens of
 * minutes on the embedded engine, depending on the machine.
 */
export async function seedMarket(size: keyof typeof SIZES, log: (s: string) => void): Promise<void> {
  if (await isSeeded(size)) return log(`Market «${SIZES[size].name}» already present.`);
  const now = new Date();
  log(`Generating the «${SIZES[size].name}» market …`);
  const records = marketRecords(generateMarket(SIZES[size], 2026, now), now.toISOString());
  const items = await bulkLoad(records, (s) => log(`  ${s}`));
  await markSeeded(now, size);
  log(`Market «${SIZES[size].name}» written: ${items.toLocaleString('en')} items.`);
}
