import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Domain, Procedure } from '../../shared/domain/vocabulary.js';
import type { OutcomeInput } from '../../shared/schemas/sharing.js';
import { db, isConditionFailure, table } from './client.js';
import { keys } from './keys.js';
import { queryAll, queryUpTo, type Key } from './paging.js';

/**
 * What came of a closed call, on one item next to the call (`CALL#id / OUTCOME`). The call's own
 * descriptive fields are copied in when the outcome is written: a closed call can no longer be changed,
 * so the copy cannot drift, and the lessons registry filters on one index without a join per item.
 */
export interface OutcomeRecord extends Omit<OutcomeInput, 'partners'> {
  callId: string;
  municipalityCode: string;
  partners: { orgNumber: string; name: string }[];
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** Optimistic locking like calls: 1 on create, +1 per replace (outcomes written before versions read as 0). */
  version?: number;
  callTitle: string;
  callSummary: string;
  domains: Domain[];
  cpvCodes: string[];
  procedure: Procedure;
}

/** A municipality reused a call: one item under the original (`CALL#orig / REUSE#<reusedAt>#<newId>`). */
export interface ReuseRecord {
  originalId: string;
  callId: string;
  municipalityCode: string;
  reusedAt: string;
  reusedBy: string;
}

/** Lower-cased text the registry's free-text filter looks in. */
export const lessonSearchText = (o: Pick<OutcomeRecord, 'callTitle' | 'callSummary' | 'results' | 'lessons'>) =>
  `${o.callTitle}\n${o.callSummary}\n${o.results}\n${o.lessons}`.toLocaleLowerCase('nb');

/** Every prefix (2–8 digits) of every code, so "cpv=722" is one `contains` on a list. */
export const cpvPrefixes = (codes: readonly string[]) =>
  [...new Set(codes.flatMap((c) => Array.from({ length: c.length - 1 }, (_, i) => c.slice(0, i + 2))))];

function outcomeItem(o: OutcomeRecord): Record<string, unknown> {
  return {
    ...keys.outcome(o.callId),
    type: 'outcome',
    ...o,
    searchText: lessonSearchText(o),
    cpvPrefixes: cpvPrefixes(o.cpvCodes),
    // Sparse: only published outcomes are in the registry. A Put without them removes them.
    ...(o.published ? { gsi1pk: keys.lessons, gsi1sk: `${o.updatedAt}#${o.callId}` } : {}),
  };
}

function outcomeFrom(item: Record<string, unknown>): OutcomeRecord {
  const { pk, sk, type, searchText, cpvPrefixes: _p, gsi1pk, gsi1sk, ...rest } = item;
  void pk, sk, type, searchText, _p, gsi1pk, gsi1sk;
  return rest as unknown as OutcomeRecord;
}

export async function getOutcome(callId: string): Promise<OutcomeRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.outcome(callId) }));
  return out.Item ? outcomeFrom(out.Item) : undefined;
}

export async function getOutcomes(callIds: string[]): Promise<Map<string, OutcomeRecord>> {
  const found = new Map<string, OutcomeRecord>();
  const unique = [...new Set(callIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table()]: { Keys: unique.slice(i, i + 100).map((id) => keys.outcome(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[table()] ?? []) {
        const o = outcomeFrom(item);
        found.set(o.callId, o);
      }
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/**
 * Writes the whole outcome in one conditional Put: a create only if none exists (`expectedVersion`
 * undefined), a replace only of the version that was read and of the same municipality. False when the
 * condition failed (someone else wrote first).
 */
export async function putOutcome(o: OutcomeRecord, expectedVersion?: number): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: outcomeItem(o),
        ...(expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : expectedVersion === 0
            ? { ConditionExpression: 'municipalityCode = :m AND attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':m': o.municipalityCode } }
            : { ConditionExpression: 'municipalityCode = :m AND #v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':m': o.municipalityCode, ':v': expectedVersion } }),
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

export interface LessonFilters {
  domain?: string;
  cpv?: string;
  municipality?: string;
  procedure?: string;
  /** Lower-cased words that must all appear. */
  words?: string[];
}

/** Published outcomes, newest first, filtered on the index query (pages are refilled until full). */
export async function queryLessons(f: LessonFilters, limit: number, startKey?: Key) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':p': keys.lessons };
  if (f.domain) {
    parts.push('contains(#domains, :d)');
    names['#domains'] = 'domains';
    values[':d'] = f.domain;
  }
  if (f.cpv) {
    parts.push('contains(#cpv, :cpv)');
    names['#cpv'] = 'cpvPrefixes';
    values[':cpv'] = f.cpv;
  }
  if (f.municipality) {
    parts.push('#m = :m');
    names['#m'] = 'municipalityCode';
    values[':m'] = f.municipality;
  }
  if (f.procedure) {
    // PROCEDURE is a reserved word in DynamoDB expressions.
    parts.push('#proc = :proc');
    names['#proc'] = 'procedure';
    values[':proc'] = f.procedure;
  }
  f.words?.forEach((w, i) => {
    parts.push(`contains(#text, :w${i})`);
    names['#text'] = 'searchText';
    values[`:w${i}`] = w;
  });
  const out = await queryUpTo(
    {
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ...(parts.length ? { FilterExpression: parts.join(' AND '), ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
    },
    limit,
    startKey,
  );
  return { items: out.items.map(outcomeFrom), lastKey: out.lastKey };
}

/** Records a reuse once (the key holds the new call's id, so a retry cannot count it twice). */
export async function insertReuse(r: ReuseRecord): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.reuse(r.originalId, r.reusedAt, r.callId), type: 'reuse', ...r },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Every reuse of a call, newest first. */
export async function listReuses(originalId: string): Promise<ReuseRecord[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
    ExpressionAttributeValues: { ':pk': keys.call(originalId).pk, ':r': keys.reusePrefix },
    ScanIndexForward: false,
  });
  return items.map(({ pk, sk, type, ...rest }) => {
    void pk, sk, type;
    return rest as unknown as ReuseRecord;
  });
}

/**
 * Claims the reuse of `originalId` by one municipality for `windowMs`: one conditional Put of a guard item
 * naming the draft that will be made. Returns undefined when this request won, else the draft the earlier
 * request made (or is making) within the window.
 */
export async function claimReuse(originalId: string, municipalityCode: string, callId: string, at: Date, windowMs: number): Promise<string | undefined> {
  try {
    await db().send(new PutCommand({
      TableName: table(),
      Item: { ...keys.reuseGuard(originalId, municipalityCode), type: 'reuseGuard', callId, reusedAt: at.toISOString() },
      ConditionExpression: 'attribute_not_exists(pk) OR reusedAt <= :since',
      ExpressionAttributeValues: { ':since': new Date(at.getTime() - windowMs).toISOString() },
    }));
    return undefined;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.reuseGuard(originalId, municipalityCode), ConsistentRead: true }));
  return String(out.Item?.callId);
}

/** Gives up a reuse claim (the draft could not be written). */
export async function releaseReuse(originalId: string, municipalityCode: string, callId: string): Promise<void> {
  try {
    await db().send(new DeleteCommand({
      TableName: table(), Key: keys.reuseGuard(originalId, municipalityCode),
      ConditionExpression: 'callId = :c', ExpressionAttributeValues: { ':c': callId },
    }));
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}
