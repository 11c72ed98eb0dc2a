import type { ApiResult, RouteHandlers } from '../types.js';
import { etag } from '../../calls/rules.js';

// Use cases load on first use (see handlers/calls.ts).
const decisions = () => import('../../award/decisions.js');
const evaluate = () => import('../../award/evaluate.js');
const impartiality = () => import('../../award/impartiality.js');

/** award issue, proposals group: impartiality, evaluation, insight copies. */
export const awardProposalHandlers: RouteHandlers<
  'declareImpartiality' | 'listImpartiality' | 'putEvaluation' | 'getOneEvaluation' | 'getEvaluation' | 'getInsight'
> = {
  declareImpartiality: async ({ params, body, principal }) => ({
    status: 201,
    body: await (await impartiality()).declareImpartiality(params.id, body, principal),
  }),
  listImpartiality: async ({ params, principal }) => ({ body: await (await impartiality()).listDeclarations(params.id, principal) }),
  putEvaluation: async ({ params, body, headers, principal }) => {
    const { created, evaluation } = await (await evaluate()).putEvaluation(params.id, params.orgNumber, body, headers['if-match'], principal);
    return { status: created ? 201 : 200, body: evaluation, headers: { etag: etag(evaluation.version) } };
  },
  getOneEvaluation: async ({ params, principal }) => {
    const evaluation = await (await evaluate()).getOneEvaluation(params.id, params.orgNumber, principal);
    return { body: evaluation, headers: { etag: etag(evaluation.version) } };
  },
  getEvaluation: async ({ params, principal }) => ({ body: await (await evaluate()).getEvaluationTable(params.id, principal) }),
  getInsight: async ({ params, principal }) => ({ body: await (await import('../../award/insight.js')).insightCopy(params.id, params.orgNumber, principal) }),
};

/** award issue, calls group: selection, award, withdrawal, contract, letters, protocol, archive. */
export const awardCallHandlers: RouteHandlers<
  | 'selectCompanies'
  | 'previewAward'
  | 'awardCall'
  | 'listDecisions'
  | 'getAwardLetter'
  | 'withdrawAward'
  | 'recordContract'
  | 'listCallLetters'
  | 'getProtocol'
  | 'getArchive'
> = {
  selectCompanies: async ({ params, body, principal }) => ({ status: 201, body: await (await decisions()).selectCompanies(params.id, body, principal) }),
  previewAward: async ({ params, body, principal }) => ({ body: await (await decisions()).previewAward(params.id, body, principal) }),
  awardCall: async ({ params, body, principal }) => ({ status: 201, body: await (await decisions()).awardContract(params.id, body, principal) }),
  listDecisions: async ({ params, principal }) => ({ body: await (await decisions()).getDecisions(params.id, principal) }),
  getAwardLetter: async ({ params, principal }) => ({ body: await (await decisions()).getMyAwardLetter(params.id, principal) }),
  withdrawAward: async ({ params, body, principal }) => ({ body: await (await decisions()).withdrawAward(params.id, body, principal) }),
  recordContract: async ({ params, body, principal }) => ({ status: 201, body: await (await decisions()).recordContract(params.id, body, principal) }),
  listCallLetters: async ({ params, principal }) => ({ body: await (await decisions()).listCallLetters(params.id, principal) }),
  getProtocol: async ({ params, headers, principal }): Promise<ApiResult> => {
    const { getProtocol, protocolHtml } = await import('../../award/protocol.js');
    const protocol = await getProtocol(params.id, principal);
    const html = /text\/html/.test(headers.accept ?? '') && !/application\/json/.test(headers.accept ?? '');
    return html
      ? { body: protocolHtml(protocol), headers: { 'content-type': 'text/html; charset=utf-8', vary: 'Accept' } }
      : { body: protocol, headers: { vary: 'Accept' } };
  },
  getArchive: async ({ params, principal }) => {
    const { filename, zip } = await (await import('../../award/archive.js')).buildArchive(params.id, principal);
    return { body: zip, headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${filename}"` } };
  },
};

/** award issue, programme group: phases across the programme. */
export const awardProgrammeHandlers: RouteHandlers<'programmePhases'> = {
  programmePhases: async () => ({ body: await (await import('../../award/programme-phases.js')).programmePhases() }),
};
