import type { RouteHandlers } from '../types.js';

// Use cases load on first use (see handlers/calls.ts).
const questions = () => import('../../questions/questions.js');
const documents = () => import('../../files/documents.js');
const attachments = () => import('../../files/attachments.js');

/** Absolute base of this request (local upload/download URLs point back at the server that was asked). */
const originOf = (headers: Record<string, string | undefined>) =>
  `${headers['x-forwarded-proto'] ?? 'http'}://${headers['x-forwarded-host'] ?? headers.host ?? 'localhost'}`;

const redirect = (location: string) => ({ status: 302, headers: { location, 'cache-control': 'no-store' } });

export const questionsHandlers: RouteHandlers<'askQuestion' | 'listQuestions' | 'answerQuestion'> = {
  askQuestion: async ({ params, body, principal }) => ({ status: 201, body: await (await questions()).askQuestion(params.id, body, principal) }),
  listQuestions: async ({ params, query, principal }) => ({ body: await (await questions()).listCallQuestions(params.id, query.mine === 'true', principal) }),
  answerQuestion: async ({ params, body, principal }) => ({ body: await (await questions()).answerQuestion(params.id, params.questionId, body, principal) }),
};

// The mine routes come first: /proposals/mine/… must win over /proposals/{orgNumber}/….
export const filesHandlers: RouteHandlers<
  | 'declareAttachment'
  | 'listMyAttachments'
  | 'removeMyAttachment'
  | 'listProposalAttachments'
  | 'downloadProposalAttachment'
  | 'declareDocument'
  | 'listDocuments'
  | 'downloadDocument'
  | 'removeDocument'
> = {
  declareAttachment: async ({ params, body, principal, headers }) => ({
    status: 201,
    body: await (await attachments()).declareAttachment(params.id, body, principal, originOf(headers)),
  }),
  listMyAttachments: async ({ params, principal }) => ({ body: await (await attachments()).listMyAttachments(params.id, principal) }),
  removeMyAttachment: async ({ params, principal }) => {
    await (await attachments()).removeMyAttachment(params.id, params.attachmentId, principal);
    return { status: 204 };
  },
  listProposalAttachments: async ({ params, principal }) => ({
    body: await (await attachments()).listProposalAttachments(params.id, params.orgNumber, principal),
  }),
  downloadProposalAttachment: async ({ params, principal, headers }) =>
    redirect(await (await attachments()).attachmentDownload(params.id, params.orgNumber, params.attachmentId, principal, originOf(headers))),
  declareDocument: async ({ params, body, principal, headers }) => ({
    status: 201,
    body: await (await documents()).declareDocument(params.id, body, principal, originOf(headers)),
  }),
  listDocuments: async ({ params, principal }) => ({ body: await (await documents()).listDocuments(params.id, principal) }),
  downloadDocument: async ({ params, principal, headers }) =>
    redirect(await (await documents()).documentDownload(params.id, params.docId, principal, originOf(headers))),
  removeDocument: async ({ params, body, principal }) => {
    await (await documents()).removeDocument(params.id, params.docId, body.changeNote, principal);
    return { status: 204 };
  },
};
