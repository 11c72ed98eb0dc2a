import type { RouteHandlers } from '../types.js';
import { askQuestion, answerQuestion, listCallQuestions } from '../../questions/questions.js';
import { declareDocument, documentDownload, listDocuments, removeDocument } from '../../files/documents.js';
import {
  attachmentDownload, declareAttachment, listMyAttachments, listProposalAttachments, removeMyAttachment,
} from '../../files/attachments.js';

/** Absolute base of this request (local upload/download URLs point back at the server that was asked). */
const originOf = (headers: Record<string, string | undefined>) =>
  `${headers['x-forwarded-proto'] ?? 'http'}://${headers['x-forwarded-host'] ?? headers.host ?? 'localhost'}`;

const redirect = (location: string) => ({ status: 302, headers: { location, 'cache-control': 'no-store' } });

export const questionsHandlers: RouteHandlers<'askQuestion' | 'listQuestions' | 'answerQuestion'> = {
  askQuestion: async ({ params, body, principal }) => ({ status: 201, body: await askQuestion(params.id, body, principal!) }),
  listQuestions: async ({ params, query, principal }) => ({ body: await listCallQuestions(params.id, query.mine === 'true', principal) }),
  answerQuestion: async ({ params, body, principal }) => ({ body: await answerQuestion(params.id, params.questionId, body, principal!) }),
};

// The mine routes come first: /proposals/mine/… must win over /proposals/{orgNumber}/….
export const filesHandlers: RouteHandlers<
  | 'declareAttachment' | 'listMyAttachments' | 'removeMyAttachment' | 'listProposalAttachments' | 'downloadProposalAttachment'
  | 'declareDocument' | 'listDocuments' | 'downloadDocument' | 'removeDocument'
> = {
  declareAttachment: async ({ params, body, principal, headers }) => ({
    status: 201, body: await declareAttachment(params.id, body, principal!, originOf(headers)),
  }),
  listMyAttachments: async ({ params, principal }) => ({ body: await listMyAttachments(params.id, principal!) }),
  removeMyAttachment: async ({ params, principal }) => {
    await removeMyAttachment(params.id, params.attachmentId, principal!);
    return { status: 204 };
  },
  listProposalAttachments: async ({ params, principal }) => ({ body: await listProposalAttachments(params.id, params.orgNumber, principal!) }),
  downloadProposalAttachment: async ({ params, principal, headers }) =>
    redirect(await attachmentDownload(params.id, params.orgNumber, params.attachmentId, principal!, originOf(headers))),
  declareDocument: async ({ params, body, principal, headers }) => ({
    status: 201, body: await declareDocument(params.id, body, principal!, originOf(headers)),
  }),
  listDocuments: async ({ params, principal }) => ({ body: await listDocuments(params.id, principal) }),
  downloadDocument: async ({ params, principal, headers }) =>
    redirect(await documentDownload(params.id, params.docId, principal, originOf(headers))),
  removeDocument: async ({ params, body, principal }) => {
    await removeDocument(params.id, params.docId, body.changeNote, principal!);
    return { status: 204 };
  },
};
