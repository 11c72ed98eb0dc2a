import { createApi } from './api.js';
import type { BearerVerifier } from '../core/middleware/authenticate.js';
import { callHandlers } from './handlers/calls.js';
import { proposalHandlers } from './handlers/proposals.js';
import { organisationHandlers } from './handlers/organisations.js';
import { docsHandlers } from './handlers/docs.js';
import { matchingHandlers } from './handlers/matching.js';
import { associationsHandlers } from './handlers/associations.js';
import { subscriptionsHandlers } from './handlers/subscriptions.js';
import { sharingHandlers } from './handlers/sharing.js';
import { opendataHandlers } from './handlers/opendata.js';
import { feedsHandlers } from './handlers/feeds.js';
import { programmeHandlers } from './handlers/programme.js';
import { devHandlers } from './handlers/dev.js';
import { filesHandlers, questionsHandlers } from './handlers/openphase.js';
import { awardCallHandlers, awardProgrammeHandlers, awardProposalHandlers } from './handlers/award.js';

/**
 * Every route group in one handler, dev sign-in included: what the local server and the integration
 * tests invoke. The middleware stack is the same createApi that builds each AWS function; the local
 * server hands it the dev-token verifier for 'optional' routes, as AWS functions get Cognito's.
 */
export const createLocalHandler = (verifyBearer: BearerVerifier) =>
  createApi(
    {
      ...callHandlers,
      ...filesHandlers,
      ...proposalHandlers,
      ...questionsHandlers,
      ...organisationHandlers,
      ...matchingHandlers,
      ...associationsHandlers,
      ...subscriptionsHandlers,
      ...sharingHandlers,
      ...opendataHandlers,
      ...feedsHandlers,
      ...programmeHandlers,
      ...docsHandlers,
      ...devHandlers,
      ...awardCallHandlers,
      ...awardProposalHandlers,
      ...awardProgrammeHandlers,
    },
    { verifyBearer },
  );
