import { cpvPrefixes } from '../../shared/domain/call-search.js';
import type { Domain, Procedure } from '../../shared/domain/vocabulary.js';
import type { OutcomeInput } from '../../shared/schemas/sharing.js';
import { entity } from './entity.js';
import { afterOutcomeWrite } from './call-derived.js';
import { keys } from './keys.js';
import type { Key } from './paging.js';

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

/** The reuse of a call by one municipality, remembered for an hour so a retry returns the same draft. */
interface ReuseGuardRecord {
  originalId: string;
  municipalityCode: string;
  callId: string;
  reusedAt: string;
}

export const outcomes = entity<OutcomeRecord, string>({
  type: 'outcome',
  description: "What came of a closed call (id: the call's), with the call's descriptive fields copied in (`version` for If-Match)",
  key: (callId) => keys.outcome(callId),
  keyOf: (o) => o.callId,
  derived: { names: ['searchText', 'cpvPrefixes'], compute: (o) => ({ searchText: lessonSearchText(o), cpvPrefixes: cpvPrefixes(o.cpvCodes) }) },
  // Sparse: only published outcomes are in the registry. A Put without them removes them.
  indexes: (o) => (o.published ? { gsi1pk: keys.lessons, gsi1sk: `${o.updatedAt}#${o.callId}` } : {}),
  patterns: [
    { name: 'outcome of a call', index: 'table', partition: 'CALL#<callId>', sort: 'OUTCOME' },
    { name: 'lessons registry (published outcomes), newest first', index: 'gsi1', partition: 'LESSONS', sort: '<updatedAt>#<callId>' },
  ],
});

export const reuses = entity<ReuseRecord, Pick<ReuseRecord, 'originalId' | 'reusedAt' | 'callId'>>({
  type: 'reuse',
  description: 'A municipality reused a call (the key holds the new call, so a retry cannot count it twice)',
  key: (r) => keys.reuse(r.originalId, r.reusedAt, r.callId),
  patterns: [{ name: 'reuses of a call, newest first', index: 'table', partition: 'CALL#<originalId>', sort: 'begins_with(REUSE#)' }],
});

export const reuseGuards = entity<ReuseGuardRecord, Pick<ReuseGuardRecord, 'originalId' | 'municipalityCode'>>({
  type: 'reuseGuard',
  description: 'A reuse claim by one municipality (`callId`, `reusedAt`): idempotent for an hour',
  key: (g) => keys.reuseGuard(g.originalId, g.municipalityCode),
  patterns: [{ name: 'reuse a call (once per hour per municipality)', index: 'table', partition: 'CALL#<originalId>', sort: 'REUSEBY#<kommunenummer>' }],
});

export const getOutcome = (callId: string) => outcomes.get(callId);

export async function getOutcomes(callIds: string[]): Promise<Map<string, OutcomeRecord>> {
  return new Map((await outcomes.getMany(callIds)).map((o) => [o.callId, o]));
}

/**
 * Writes the whole outcome in one conditional Put: a create only if none exists (`expectedVersion`
 * undefined), a replace only of the version that was read and of the same municipality. False when the
 * condition failed (someone else wrote first).
 */
export const putOutcome = (o: OutcomeRecord, expectedVersion?: number) =>
  writeOutcome(o, expectedVersion).then(async (ok) => (ok && (await afterOutcomeWrite(o.callId)), ok));
function writeOutcome(o: OutcomeRecord, expectedVersion?: number): Promise<boolean> {
  const sameOwner = { condition: 'municipalityCode = :m', values: { ':m': o.municipalityCode } };
  if (expectedVersion === undefined) return outcomes.putIfAbsent(o);
  // Outcomes written before versions existed have none: they read as version 0.
  if (expectedVersion === 0)
    return outcomes.putIf(o, { ...sameOwner, condition: `${sameOwner.condition} AND attribute_not_exists(#v)`, names: { '#v': 'version' } });
  return outcomes.replaceIfVersion(o, expectedVersion, sameOwner);
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
export function queryLessons(f: LessonFilters, limit: number, startKey?: Key) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const condition = (expression: string, name: string, attribute: string, value: string, valueName: string) => {
    parts.push(expression);
    names[name] = attribute;
    values[valueName] = value;
  };
  if (f.domain) condition('contains(#domains, :d)', '#domains', 'domains', f.domain, ':d');
  if (f.cpv) condition('contains(#cpv, :cpv)', '#cpv', 'cpvPrefixes', f.cpv, ':cpv');
  if (f.municipality) condition('#m = :m', '#m', 'municipalityCode', f.municipality, ':m');
  // PROCEDURE is a reserved word in DynamoDB expressions.
  if (f.procedure) condition('#proc = :proc', '#proc', 'procedure', f.procedure, ':proc');
  f.words?.forEach((w, i) => condition(`contains(#text, :w${i})`, '#text', 'searchText', w, `:w${i}`));
  return outcomes.query(
    { index: 'gsi1', partition: keys.lessons, newestFirst: true, ...(parts.length ? { filter: { expression: parts.join(' AND '), names, values } } : {}) },
    limit,
    startKey,
  );
}

/** Records a reuse once (the key holds the new call's id, so a retry cannot count it twice). */
export const insertReuse = (r: ReuseRecord) => reuses.putIfAbsent(r);

/** Every reuse of a call, newest first. */
export const listReuses = (originalId: string) =>
  reuses.queryEvery({ partition: keys.call(originalId).pk, sort: { beginsWith: keys.reusePrefix }, newestFirst: true });

/**
 * Claims the reuse of `originalId` by one municipality for `windowMs`: one conditional Put of a guard item
 * naming the draft that will be made. Returns undefined when this request won, else the draft the earlier
 * request made (or is making) within the window.
 */
export async function claimReuse(originalId: string, municipalityCode: string, callId: string, at: Date, windowMs: number): Promise<string | undefined> {
  const won = await reuseGuards.putIfAbsent(
    { originalId, municipalityCode, callId, reusedAt: at.toISOString() },
    { condition: 'reusedAt <= :since', values: { ':since': new Date(at.getTime() - windowMs).toISOString() } },
  );
  if (won) return undefined;
  return String((await reuseGuards.get({ originalId, municipalityCode }, { consistent: true }))?.callId);
}

/** Gives up a reuse claim (the draft could not be written). */
export async function releaseReuse(originalId: string, municipalityCode: string, callId: string): Promise<void> {
  await reuseGuards.remove({ originalId, municipalityCode }, { condition: 'callId = :c', values: { ':c': callId } });
}
