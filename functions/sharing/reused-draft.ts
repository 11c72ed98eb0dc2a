import type { CallRecord } from '../data/calls.js';
import { defaultDeadline } from './deadline.js';

/**
 * The draft a municipality gets when it reuses a published call: the original's text, domains, CPV codes,
 * budget, procedure and published criteria, a fresh deadline, and where it came from. One place for what
 * travels with a reuse, read by the use case (reuse.ts) and by the demo seed.
 */
export function reusedDraft(original: CallRecord, draft: { id: string; municipalityCode: string; at: Date; createdBy: string }): CallRecord {
  const stamp = draft.at.toISOString();
  return {
    id: draft.id,
    municipalityCode: draft.municipalityCode,
    title: original.title,
    summary: original.summary,
    description: original.description,
    domains: [...original.domains],
    cpvCodes: [...original.cpvCodes],
    ...(original.budgetNok ? { budgetNok: { ...original.budgetNok } } : {}),
    procedure: original.procedure,
    // award issue: the published criteria travel with the call (they are checked again at publication).
    ...(original.awardCriteria ? { awardCriteria: original.awardCriteria.map((c) => ({ ...c })) } : {}),
    ...(original.climateRequirements ? { climateRequirements: { ...original.climateRequirements } } : {}),
    deadline: defaultDeadline(draft.at),
    status: 'draft',
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    createdBy: draft.createdBy,
    derivedFrom: { callId: original.id, municipalityCode: original.municipalityCode, title: original.title },
  };
}
