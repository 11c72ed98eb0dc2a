import type { RouteHandlers } from '../types.js';
import { problem } from '../../core/errors.js';

// PLACEHOLDER until the feature lands: every route answers 501.
const notYet = async () => { throw problem(501, 'Not implemented yet'); };

export const programmeHandlers: RouteHandlers<'programmeStats'> = {
  programmeStats: notYet,
};
