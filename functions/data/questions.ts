import { PutCommand, UpdateCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll } from './paging.js';

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

function fromItem(item: Record<string, unknown>): QuestionRecord {
  const { pk, sk, type, ...rest } = item;
  void pk, sk, type;
  const q = rest as unknown as QuestionRecord;
  return { ...q, answers: q.answers ?? [] };
}

export async function insertQuestion(q: QuestionRecord): Promise<void> {
  await db().send(
    new PutCommand({ TableName: table(), Item: { ...keys.question(q.callId, q.id), type: 'question', ...q }, ConditionExpression: 'attribute_not_exists(pk)' }),
  );
}

export async function getQuestion(callId: string, id: string): Promise<QuestionRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.question(callId, id) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/** Every question to one call (a call gets tens, not thousands). */
export async function listQuestions(callId: string): Promise<QuestionRecord[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :q)',
    ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':q': keys.questionPrefix },
  });
  return items.map(fromItem);
}

/** Appends an answer (one UpdateItem: list_append), keeping the earlier ones. Undefined if the question is gone. */
export async function appendAnswer(callId: string, id: string, answer: AnswerRecord): Promise<QuestionRecord | undefined> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.question(callId, id),
        UpdateExpression: 'SET answers = list_append(if_not_exists(answers, :empty), :a)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':empty': [], ':a': [answer] },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(out.Attributes!);
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}
