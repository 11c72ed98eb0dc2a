import { ulid } from 'ulid';
import { insertSubscription, type SubscriptionRecord } from '../../functions/data/subscriptions.js';
import { ASSOCIATIONS, COMPANIES } from './demo-data.js';
import { confirmAddress } from '../../functions/data/email-addresses.js';

type Demo = Omit<SubscriptionRecord, 'id' | 'createdAt'>;

/** Demo saved searches: a few per company and one an association sends to its members. Addresses are .example. */
// biome-ignore format: a hand-laid table, two lines a search
const DEMO: Demo[] = [
  {
    orgId: COMPANIES[0]!.id, name: 'Mobilitet i hele Østfold', filters: { domain: 'mobility' },
    frequency: 'immediate', email: 'anbud@smartparkering.example', forMembers: false,
  },
  {
    orgId: COMPANIES[0]!.id, name: 'Programvare i Sarpsborg', filters: { cpvPrefix: '48', municipality: '3105' },
    frequency: 'weekly', email: 'anbud@smartparkering.example', forMembers: false,
  },
  {
    orgId: COMPANIES[1]!.id, name: 'Sensorer', filters: { q: 'sensorer' },
    frequency: 'immediate', email: 'salg@demo-bedrift.example', forMembers: false,
  },
  {
    orgId: ASSOCIATIONS[0]!.id, name: 'Ukens utlysninger for medlemmene', filters: {},
    frequency: 'weekly', email: 'post@naeringsforeningen.example', forMembers: true,
  },
];

/**
 * Writes the demo subscriptions once: fixed ids, conditional puts, so running it again changes nothing.
 * createdAt is `now`, so the notification job tells them only about calls published after the seed.
 * Returns how many were new.
 */
export async function seedSubscriptions(now: Date): Promise<number> {
  let created = 0;
  for (const [i, demo] of DEMO.entries()) {
    const id = ulid(Date.UTC(2026, 0, 2) + i * 60_000, () => ((i * 7919) % 1000) / 1000);
    // Demo addresses (.example) count as confirmed, so the demo shows notices; real ones are confirmed by a click.
    await confirmAddress(demo.orgId, demo.email, now.toISOString());
    if (await insertSubscription({ ...demo, id, createdAt: now.toISOString() })) created++;
  }
  return created;
}
