import type { CallRecord } from '../data/calls.js';
import { notifyStakeholdersSafely } from './notify-stakeholders.js';

/** Fields a correction may change and stakeholders are told about. */
const TOLD = ['title', 'summary', 'description', 'domains', 'cpvCodes', 'budgetNok', 'deadline', 'procedure', 'questionDeadline', 'contact'] as const;

/**
 * After a PATCH of a published call (update-call.ts calls this as its last step): everyone with a stake is told
 * once per correction (event id = call id + new version), with the note and what changed. Drafts tell nobody.
 */
export async function notifyCorrection(before: CallRecord, after: CallRecord, note: string | undefined): Promise<void> {
  if (before.status !== 'open' || !before.publishedAt) return;
  const fields = TOLD.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((name) => ({
    name,
    before: before[name],
    after: after[name],
  }));
  if (fields.length === 0) return;
  await notifyStakeholdersSafely({ kind: 'correction', id: `correction:${after.id}:v${after.version}`, call: after, note: note ?? '', fields });
}
