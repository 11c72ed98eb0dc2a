import type { CallRecord } from '../../functions/data/calls.js';
import type { OutcomeRecord } from '../../functions/data/sharing.js';

/** An unpublished outcome (a pilot, nothing written yet) of a call, as the statistics tests store one. */
export const draftOutcome = (call: CallRecord, municipalityCode: string, at: string): OutcomeRecord => ({
  callId: call.id,
  municipalityCode,
  partners: [],
  projectStatus: 'pilot',
  results: '',
  lessons: '',
  documents: [],
  wouldRecommend: true,
  published: false,
  createdAt: at,
  updatedAt: at,
  updatedBy: 'test',
  version: 1,
  callTitle: call.title,
  callSummary: call.summary,
  domains: call.domains,
  cpvCodes: [],
  procedure: call.procedure,
});
