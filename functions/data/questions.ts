import { entity } from './entity.js';
import { keys } from './keys.js';

export interface AnswerRecord {
  answer: string;
  /** The question as published with this answer (the municipality may rephrase it to anonymise). */
  question: string;
  answeredAt: string;
  answeredBy: string;
}

/** A question to a call (CALL#id / QUESTION#qid). `askedBy` is absent on clarifications the owner published. */
export interface QuestionRecord {
  id: string;
  callId: string;
  text: string;
  askedAt: string;
  askedBy?: { orgNumber: string; name: string; userId: string };
  /** Every answer, oldest first; the last one is current. Corrections append, nothing is overwritten. */
  answers: AnswerRecord[];
}

type QuestionRef = Pick<QuestionRecord, 'callId' | 'id'>;

export const questions = entity<QuestionRecord, QuestionRef>({
  type: 'question',
  description: 'A question to a call (random id: nothing in it dates or names the asker), with its answers oldest first',
  key: (q) => keys.question(q.callId, q.id),
  defaults: { answers: [] },
  patterns: [{ name: "a call's questions", index: 'table', partition: 'CALL#<callId>', sort: 'begins_with(QUESTION#)' }],
});

export async function insertQuestion(q: QuestionRecord): Promise<void> {
  await questions.putIfAbsent(q);
}

export const getQuestion = (callId: string, id: string) => questions.get({ callId, id });

/** Every question to one call (a call gets tens, not thousands). */
export const listQuestions = (callId: string) => questions.queryEvery({ partition: keys.call(callId).pk, sort: { beginsWith: keys.questionPrefix } });

/** Appends an answer (one UpdateItem: list_append), keeping the earlier ones. Undefined if the question is gone. */
export const appendAnswer = (callId: string, id: string, answer: AnswerRecord) => questions.update({ callId, id }, { append: { answers: [answer] } });
