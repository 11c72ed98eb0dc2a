import { countyOf } from '../../shared/domain/call-search.js';
import type { CallRecord } from './call-record.js';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';
import { db, table } from './client.js';
import { entity } from './entity.js';

/**
 * Programme and county statistics kept as counters, changed when a call or a proposal is written (locally
 * right after the write, in AWS by the table's stream: functions/jobs/table-stream.ts), so reading them
 * costs one small item per scope instead of a read of every call and proposal. Scopes: the programme
 * (`ALL`), each county (`C#31`) and each municipality (`M#3101`). Counters are flat numeric attributes
 * (`status_open`, `domain_energy`, `procedure_…`, `municipality_3101`, `calls`, `proposals`) so one
 * UpdateItem ADD changes them without reading first.
 *
 * Hot items? The programme item takes every call and proposal write: at national size about 25,000 calls
 * over three years and 200,000 proposals, i.e. well under one write a second even in a deadline-day rush,
 * against DynamoDB's 1,000 WCU/s per partition, so it is not sharded (a sharded counter would cost N reads
 * for every read of the figures).
 */
export interface Aggregate {
  scope: string;
  counts: Record<string, number>;
}

export const aggregates = entity<{ scope: string } & Record<string, unknown>, string>({
  type: 'aggregate',
  description: 'Counters of calls (by stored status, domain, procedure, municipality) and proposals for the programme, a county or a municipality',
  keyTemplate: { pk: 'STATS#<ALL | C#county | M#municipality>', sk: 'COUNTS' },
  key: (scope) => ({ pk: `STATS#${scope}`, sk: 'COUNTS' }),
  keyOf: (r) => r.scope,
  patterns: [{ name: 'the figures of one scope', index: 'table', partition: 'STATS#<scope>', sort: 'COUNTS' }],
});
export const aggregateDeclaration = aggregates.declaration;

const scopesOf = (municipalityCode: string) => ['ALL', `C#${countyOf(municipalityCode)}`, `M#${municipalityCode}`];

function callCounters(c: CallRecord | undefined, sign: 1 | -1, into: Map<string, Map<string, number>>): void {
  if (!c) return;
  for (const scope of scopesOf(c.municipalityCode)) {
    let m = into.get(scope);
    if (!m) into.set(scope, (m = new Map()));
    const add = (k: string) => m!.set(k, (m!.get(k) ?? 0) + sign);
    add('calls');
    add(`status_${c.status}`);
    add(`procedure_${c.procedure}`);
    for (const d of c.domains) add(`domain_${d}`);
    if (scope !== `M#${c.municipalityCode}`) add(`municipality_${c.municipalityCode}`);
  }
}

async function apply(deltas: Map<string, Map<string, number>>): Promise<void> {
  await Promise.all(
    [...deltas].map(async ([scope, counts]) => {
      const add = Object.fromEntries([...counts].filter(([, n]) => n !== 0).map(([k, n]) => [k.replace(/[^A-Za-z0-9_]/g, '_'), n]));
      if (Object.keys(add).length === 0) return;
      // ADD creates the item and the attributes when missing (entity's update() wants an existing item).
      const names = Object.fromEntries(Object.keys(add).map((k, i) => [`#a${i}`, k]));
      const values = Object.fromEntries(Object.values(add).map((n, i) => [`:a${i}`, n]));
      await db().send(new UpdateCommand({
        TableName: table(),
        Key: aggregates.declaration.key(scope),
        UpdateExpression: `SET #type = :type ADD ${Object.keys(names).map((n, i) => `${n} :a${i}`).join(', ')}`,
        ExpressionAttributeNames: { ...names, '#type': 'type' },
        ExpressionAttributeValues: { ...values, ':type': 'aggregate' },
      }));
    }),
  );
}

/** Takes back what `before` counted and counts `after` (either may be missing: created, deleted). */
export async function countCallChange(before: CallRecord | undefined, after: CallRecord | undefined): Promise<void> {
  const deltas = new Map<string, Map<string, number>>();
  callCounters(before, -1, deltas);
  callCounters(after, 1, deltas);
  await apply(deltas);
}

/** One proposal more (1) or fewer (-1) to a call (its municipality is read from the call: one small Get). */
export async function countProposalChange(callId: string, sign: 1 | -1): Promise<void> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.call(callId), ProjectionExpression: 'municipalityCode' }));
  const municipalityCode = out.Item?.municipalityCode;
  if (typeof municipalityCode !== 'string') return;
  await apply(new Map(scopesOf(municipalityCode).map((scope) => [scope, new Map([['proposals', sign]])])));
}

/** The counters of one scope (`ALL`, `C#31`, `M#3101`); empty when nothing was ever counted there. */
export async function readAggregate(scope: string): Promise<Aggregate> {
  const item = await aggregates.get(scope);
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(item ?? {})) if (typeof v === 'number') counts[k] = v;
  return { scope, counts };
}

/** The counter items for a whole set of calls and proposals at once (bulk loads of generated markets). */
export function aggregateItems(calls: readonly CallRecord[], proposals: readonly { callId: string }[]): Record<string, unknown>[] {
  const deltas = new Map<string, Map<string, number>>();
  for (const c of calls) callCounters(c, 1, deltas);
  const municipality = new Map(calls.map((c) => [c.id, c.municipalityCode]));
  for (const p of proposals) {
    const code = municipality.get(p.callId);
    if (!code) continue;
    for (const scope of scopesOf(code)) {
      let m = deltas.get(scope);
      if (!m) deltas.set(scope, (m = new Map()));
      m.set('proposals', (m.get('proposals') ?? 0) + 1);
    }
  }
  return [...deltas].map(([scope, counts]) => ({ ...aggregates.declaration.key(scope), type: 'aggregate', scope, ...Object.fromEntries(counts) }));
}
