import { randomUUID } from 'node:crypto';
import type { AnswerInput, PublicQuestion, Question, QuestionInput } from '../../shared/schemas/openphase.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { questionDeadlineOf } from '../../shared/domain/open-phase.js';
import { badRequest, conflict, forbidden, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall, type CallRecord } from '../data/calls.js';
import { getOrganisation } from '../data/organisations.js';
import { appendAnswer, getQuestion, insertQuestion, listQuestions, type QuestionRecord } from '../data/questions.js';
import { assertOwned, assertVisible, isOwnMunicipality } from '../calls/view.js';
import { notifyStakeholdersSafely } from '../notices/notify-stakeholders.js';

const latest = (q: QuestionRecord) => q.answers[q.answers.length - 1];
const earlier = (q: QuestionRecord) =>
  q.answers.length > 1 ? { earlierAnswers: q.answers.slice(0, -1).map(({ answer, answeredAt }) => ({ answer, answeredAt })) } : {};

/** The owner's (with askedBy) and the asker's view. */
function fullView(q: QuestionRecord, withAsker: boolean): Question {
  const a = latest(q);
  return {
    id: q.id,
    text: q.text,
    askedAt: q.askedAt,
    status: a ? 'answered' : 'pending',
    ...(withAsker && q.askedBy ? { askedBy: { orgNumber: q.askedBy.orgNumber, name: q.askedBy.name } } : {}),
    ...(a ? { question: a.question, answer: a.answer, answeredAt: a.answeredAt, ...earlier(q) } : {}),
  };
}

/** Everyone's view: the published question and answer; nothing names or dates the asker. */
function publicView(q: QuestionRecord): PublicQuestion {
  const a = latest(q)!;
  return { id: q.id, question: a.question, answer: a.answer, answeredAt: a.answeredAt, ...earlier(q) };
}

const firstAnsweredAt = (q: QuestionRecord) => q.answers[0]?.answeredAt ?? '';

function requireOpen(call: CallRecord, at: Date, what: string): void {
  const status = effectiveStatus(call.status, call.deadline, at);
  if (status !== 'open') throw conflict(`${what} only while the call is open; it is ${status}.`);
}

/**
 * A company asks (open call, before the question deadline); the owning municipality may instead publish a
 * clarification with its answer at once, which everyone with a stake is told about.
 */
export async function askQuestion(callId: string, input: QuestionInput, principal: Principal): Promise<Question> {
  const call = assertVisible(await getCall(callId), principal);
  const at = now();
  const stamp = at.toISOString();
  if (principal.role === 'municipality') {
    if (!isOwnMunicipality(call, principal)) throw forbidden('Only companies ask questions; only the owning municipality publishes clarifications.');
    if (!input.answer) throw badRequest('As the owner, publish a clarification with both text and answer.', [{ path: 'answer', message: 'Required' }]);
    requireOpen(call, at, 'Clarifications can be published');
    const q: QuestionRecord = {
      id: randomUUID(),
      callId,
      text: input.text,
      askedAt: stamp,
      answers: [{ answer: input.answer, question: input.text, answeredAt: stamp, answeredBy: principal.userId }],
    };
    await insertQuestion(q);
    await notifyStakeholdersSafely({ kind: 'answer', id: `answer:${q.id}:1`, call, question: input.text, answer: input.answer, corrected: false });
    return fullView(q, true);
  }
  if (principal.role !== 'company') throw forbidden('Only companies ask questions.');
  if (input.answer !== undefined) throw badRequest('Only the owning municipality answers.', [{ path: 'answer', message: 'Not allowed' }]);
  requireOpen(call, at, 'Questions can be asked');
  const closes = questionDeadlineOf(call);
  if (at.getTime() >= Date.parse(closes)) throw conflict(`The question deadline passed at ${closes}.`);
  const company = await getOrganisation(principal.orgId);
  if (!company || company.kind !== 'company') throw forbidden('Your organisation is not registered as a company.');
  const q: QuestionRecord = {
    id: randomUUID(),
    callId,
    text: input.text,
    askedAt: stamp,
    answers: [],
    askedBy: { orgNumber: company.id, name: company.name, userId: principal.userId },
  };
  await insertQuestion(q);
  return fullView(q, false);
}

/** Owner: every question with the asker. A company with mine=true: its own. Anyone else: answered ones only. */
export async function listCallQuestions(callId: string, mine: boolean, principal: Principal | undefined): Promise<{ items: (Question | PublicQuestion)[] }> {
  const call = assertVisible(await getCall(callId), principal);
  const all = await listQuestions(callId);
  if (isOwnMunicipality(call, principal)) {
    return { items: all.sort((a, b) => a.askedAt.localeCompare(b.askedAt)).map((q) => fullView(q, true)) };
  }
  if (mine) {
    if (principal?.role !== 'company') throw forbidden("mine=true lists a company's own questions: sign in as a company.");
    const own = all.filter((q) => q.askedBy?.orgNumber === principal.orgId).sort((a, b) => a.askedAt.localeCompare(b.askedAt));
    return { items: own.map((q) => fullView(q, false)) };
  }
  const answered = all.filter((q) => q.answers.length > 0).sort((a, b) => firstAnsweredAt(a).localeCompare(firstAnsweredAt(b)) || a.id.localeCompare(b.id));
  return { items: answered.map(publicView) };
}

/** The owner answers (or corrects an answer: a new one, the earlier kept); everyone with a stake is told. */
export async function answerQuestion(callId: string, questionId: string, input: AnswerInput, principal: Principal): Promise<Question> {
  const call = assertOwned(await getCall(callId), principal);
  const at = now();
  requireOpen(call, at, 'Questions can be answered');
  const existing = await getQuestion(callId, questionId);
  if (!existing) throw notFound('No question with that id.');
  const question = input.question ?? latest(existing)?.question ?? existing.text;
  const updated = await appendAnswer(callId, questionId, { answer: input.answer, question, answeredAt: at.toISOString(), answeredBy: principal.userId });
  if (!updated) throw notFound('No question with that id.');
  const n = updated.answers.length;
  await notifyStakeholdersSafely({ kind: 'answer', id: `answer:${questionId}:${n}`, call, question, answer: input.answer, corrected: n > 1 });
  return fullView(updated, true);
}
