/**
 * The open phase of a call: questions and answers, call documents and proposal attachments (one upload
 * protocol), and the change log the call page shows as «Rettelser».
 */
import * as z from 'zod/mini';
import { companyRefSchema, isoDateTime, text } from './common.js';
import { FILE_TYPES, MAX_FILE_BYTES } from '../domain/files.js';

export const questionParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  questionId: z.string().check(z.minLength(1), z.maxLength(64)),
});

/** A company asks `{ text }`; the owning municipality may publish a clarification `{ text, answer }`. */
export const questionInputSchema = z.strictObject({
  text: text(10, 4000),
  answer: z.optional(text(2, 10_000)),
});
export type QuestionInput = z.infer<typeof questionInputSchema>;

/** The answer, and optionally the question as published (rephrased to anonymise the asker). */
export const answerInputSchema = z.strictObject({
  answer: text(2, 10_000),
  question: z.optional(text(10, 4000)),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const questionsQuerySchema = z.object({ mine: z.optional(z.enum(['true', 'false'])) });

const earlierAnswer = z.object({ answer: z.string(), answeredAt: isoDateTime });

/**
 * What anyone sees: the published question and its answer. Nothing here names or dates the asker: the id is
 * random (not time-ordered) and only the answer time is shown.
 */
export const publicQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  answeredAt: isoDateTime,
  /** Earlier answers, oldest first, when the answer was later corrected. */
  earlierAnswers: z.optional(z.array(earlierAnswer)),
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

/** What the owning municipality and the asking company see. */
export const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  askedAt: isoDateTime,
  status: z.enum(['pending', 'answered']),
  /** Owner only. Absent on clarifications the municipality published itself. */
  askedBy: z.optional(companyRefSchema),
  question: z.optional(z.string()),
  answer: z.optional(z.string()),
  answeredAt: z.optional(isoDateTime),
  earlierAnswers: z.optional(z.array(earlierAnswer)),
});
export type Question = z.infer<typeof questionSchema>;

export const questionListSchema = z.object({ items: z.array(z.union([questionSchema, publicQuestionSchema])) });

// ---- files ----------------------------------------------------------------------------------------------

// The limits live in shared/domain/files.ts (zod-free: the web's call page reads them without zod).
export { FILE_TYPES, MAX_FILE_BYTES, MAX_FILES, type FileType } from '../domain/files.js';

const fileName = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(200),
  z.regex(/^[^/\\\u0000-\u001f\u007f]+$/, 'A file name without slashes or control characters'),
  z.refine((n) => n !== '.' && n !== '..', 'Not a file name'),
);

/**
 * Step 1 of an upload: what the client is about to send. Type and size limits are checked by the use case so
 * they answer 400/413 with the limit named (not a generic schema error).
 */
export const uploadDeclarationSchema = z.strictObject({
  fileName,
  contentType: z.string().check(z.minLength(1), z.maxLength(200)),
  size: z.number().check(z.int(), z.minimum(1)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'SHA-256 in lowercase hex (64 characters)')),
  /** Attachments: the id of the company's own attachment this file is the redacted copy of. */
  redacts: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** Documents: the id of the document this file replaces. */
  replaces: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** Documents of a published call: the correction note (required there). */
  changeNote: z.optional(text(10, 2000)),
});
export type UploadDeclaration = z.infer<typeof uploadDeclarationSchema>;

export const uploadTicketSchema = z.object({
  id: z.string(),
  upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
});

export const fileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: isoDateTime,
  redacts: z.optional(z.string()),
});
export type FileInfo = z.infer<typeof fileSchema>;

export const documentParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  docId: z.string().check(z.minLength(1), z.maxLength(64)),
});
export const attachmentParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  attachmentId: z.string().check(z.minLength(1), z.maxLength(64)),
});
export const proposalAttachmentParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  orgNumber: z.string().check(z.regex(/^\d{9}$/, 'Expected a 9-digit organisasjonsnummer')),
  attachmentId: z.string().check(z.minLength(1), z.maxLength(64)),
});

/** DELETE of a document of a published call is a correction: it needs a note. */
export const removeDocumentSchema = z.strictObject({ changeNote: z.optional(text(10, 2000)) });

// ---- change log (built by update-call; documents add their own entries) -------------------------------

export const changeSchema = z.object({
  version: z.optional(z.number()),
  changedAt: isoDateTime,
  note: z.string(),
  fields: z.array(z.object({ name: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type Change = z.infer<typeof changeSchema>;
