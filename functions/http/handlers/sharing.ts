import type { RouteHandlers } from '../types.js';
import { problem } from '../../core/errors.js';

// PLACEHOLDER until the feature lands: every route answers 501.
const notYet = async () => { throw problem(501, 'Not implemented yet'); };

export const sharingHandlers: RouteHandlers<'getOutcome' | 'putOutcome' | 'listLessons' | 'reuseCall' | 'listReuses' | 'listSimilar' | 'listSimilarNeeds'> = {
  getOutcome: notYet,
  putOutcome: notYet,
  listLessons: notYet,
  reuseCall: notYet,
  listReuses: notYet,
  listSimilar: notYet,
  listSimilarNeeds: notYet,
};
