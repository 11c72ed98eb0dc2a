import { cpvLabelPairs } from '../../shared/domain/cpv.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import type { Lesson, Outcome } from '../../shared/schemas/sharing.js';
import type { OutcomeRecord } from '../data/sharing.js';

export const nameOf = (code: string) => municipalityName(code) ?? code;

/** The public shape of an outcome: what the municipality recorded, nothing of the copied call fields. */
export function outcomeView(o: OutcomeRecord): Outcome {
  return {
    callId: o.callId,
    municipalityCode: o.municipalityCode,
    partners: o.partners,
    projectStatus: o.projectStatus,
    results: o.results,
    lessons: o.lessons,
    documents: o.documents,
    wouldRecommend: o.wouldRecommend,
    published: o.published,
    updatedAt: o.updatedAt,
    version: o.version ?? 0,
  };
}

/** A registry entry: the outcome with the call it came from. */
export function lessonView(o: OutcomeRecord): Lesson {
  return {
    ...outcomeView(o),
    callTitle: o.callTitle,
    callSummary: o.callSummary,
    municipalityName: nameOf(o.municipalityCode),
    domains: o.domains,
    cpvCodes: o.cpvCodes,
    cpvLabels: cpvLabelPairs(o.cpvCodes),
    procedure: o.procedure,
  };
}
