import { createApi } from '../api.js';
import { programmeHandlers } from '../handlers/programme.js';
import { awardProgrammeHandlers } from '../handlers/award.js';

export const handler = createApi<keyof typeof programmeHandlers | keyof typeof awardProgrammeHandlers>({ ...programmeHandlers, ...awardProgrammeHandlers });
