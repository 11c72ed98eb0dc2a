import type { ApiResult, RouteHandlers } from '../types.js';
import { etag } from '../../calls/rules.js';
import { declareImpartiality, listDeclarations } from '../../award/impartiality.js';
import { getEvaluationTable, getOneEvaluation, putEvaluation } from '../../award/evaluate.js';
import { insightCopy } from '../../award/insight.js';
import {
  awardContract, getDecisions, getMyAwardLetter, listCallLetters, previewAward, recordContract, selectCompanies, withdrawAward,
} from '../../award/decisions.js';
import { getProtocol, protocolHtml } from '../../award/protocol.js';
import { buildArchive } from '../../award/archive.js';
import { programmePhases } from '../../award/programme-phases.js';

/** award issue, proposals group: impartiality, evaluation, insight copies. */
export const awardProposalHandlers: RouteHandlers<'declareImpartiality' | 'listImpartiality' | 'putEvaluation' | 'getOneEvaluation' | 'getEvaluation' | 'getInsight'> = {
  declareImpartiality: async ({ params, body, principal }) => ({ status: 201, body: await declareImpartiality(params.id, body, principal!) }),
  listImpartiality: async ({ params, principal }) => ({ body: await listDeclarations(params.id, principal!) }),
  putEvaluation: async ({ params, body, headers, principal }) => {
    const { created, evaluation } = await putEvaluation(params.id, params.orgNumber, body, headers['if-match'], principal!);
    return { status: created ? 201 : 200, body: evaluation, headers: { etag: etag(evaluation.version) } };
  },
  getOneEvaluation: async ({ params, principal }) => {
    const evaluation = await getOneEvaluation(params.id, params.orgNumber, principal!);
    return { body: evaluation, headers: { etag: etag(evaluation.version) } };
  },
  getEvaluation: async ({ params, principal }) => ({ body: await getEvaluationTable(params.id, principal!) }),
  getInsight: async ({ params, principal }) => ({ body: await insightCopy(params.id, params.orgNumber, principal!) }),
};

/** award issue, calls group: selection, award, withdrawal, contract, letters, protocol, archive. */
export const awardCallHandlers: RouteHandlers<
  'selectCompanies' | 'previewAward' | 'awardCall' | 'listDecisions' | 'getAwardLetter' | 'withdrawAward' | 'recordContract' | 'listCallLetters' | 'getProtocol' | 'getArchive'
> = {
  selectCompanies: async ({ params, body, principal }) => ({ status: 201, body: await selectCompanies(params.id, body, principal!) }),
  previewAward: async ({ params, body, principal }) => ({ body: await previewAward(params.id, body, principal!) }),
  awardCall: async ({ params, body, principal }) => ({ status: 201, body: await awardContract(params.id, body, principal!) }),
  listDecisions: async ({ params, principal }) => ({ body: await getDecisions(params.id, principal!) }),
  getAwardLetter: async ({ params, principal }) => ({ body: await getMyAwardLetter(params.id, principal!) }),
  withdrawAward: async ({ params, body, principal }) => ({ body: await withdrawAward(params.id, body, principal!) }),
  recordContract: async ({ params, body, principal }) => ({ status: 201, body: await recordContract(params.id, body, principal!) }),
  listCallLetters: async ({ params, principal }) => ({ body: await listCallLetters(params.id, principal!) }),
  getProtocol: async ({ params, headers, principal }): Promise<ApiResult> => {
    const protocol = await getProtocol(params.id, principal!);
    const html = /text\/html/.test(headers.accept ?? '') && !/application\/json/.test(headers.accept ?? '');
    return html
      ? { body: protocolHtml(protocol), headers: { 'content-type': 'text/html; charset=utf-8', vary: 'Accept' } }
      : { body: protocol, headers: { vary: 'Accept' } };
  },
  getArchive: async ({ params, principal }) => {
    const { filename, zip } = await buildArchive(params.id, principal!);
    return { body: zip, headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${filename}"` } };
  },
};

/** award issue, programme group: phases across the programme. */
export const awardProgrammeHandlers: RouteHandlers<'programmePhases'> = {
  programmePhases: async () => ({ body: await programmePhases() }),
};
