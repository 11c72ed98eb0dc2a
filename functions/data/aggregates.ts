import { countyOf } from '../../shared/domain/call-search.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './client.js';
import { entity } from './entity.js';
import type { CallRecord } from './call-record.js';
import { attrName, COUNTS, contributionOf, type CallFacts, type Contribution } from '../programme/call-contribution.js';

/**
 * Programme and county statistics kept as counters (docs/data-model.md «Statistics as counters»). Every
 * call contributes counts (functions/programme/call-contribution.ts) to three scopes: the programme (`ALL`),
 * its county (`C#31`) and its municipality (`M#3101`). A scope's items:
 * - `COUNTS`: calls by stored status, domain, procedure and municipality; proposals (all, and of calls whose
 *   partners are chosen); histograms of proposals per call (`pc_<n>`) and whole days to the first proposal
 *   (`dtf_<day>`); stored-open calls by deadline month (`dlm_<yyyymm>`); distinct proposing companies and SMEs.
 * - `DL#<yyyymm>`: the exact deadlines of that month's stored-open calls (`t_<ms>`), so «closed» (deadline
 *   passed) is exact without a scheduler.
 * - `DTF#<day>`: the minute of the day of each days-to-first-proposal value in that whole day (`m_<minute>`).
 * Beside them, per call what it last contributed (`STATS#CALL#<id>`), and per company its counted proposals
 * per scope (`STATS#CO#<org>`), whose 0 ↔ 1 transitions move the distinct-company counters.
 *
 * Counters are flat numeric attributes, so one UpdateItem ADD changes them without reading first. Hot items?
 * The programme item takes every call and proposal write: at national size about 25,000 calls over three
 * years and 200,000 proposals, well under one write a second even in a deadline-day rush, against 1,000 WCU/s
 * per partition, so it is not sharded (a sharded counter would cost N reads for every read of the figures).
 */
export const aggregates = entity<{ scope: string; scopeItem: string } & Record<string, unknown>, { scope: string; sk: string }>({
  type: 'aggregate',
  description:
    "Counters of one scope (programme, county, municipality): calls, proposals and histograms (COUNTS), open calls' deadlines of a month (DL#), minutes of a day to the first proposal (DTF#)",
  keyTemplate: { pk: 'STATS#<ALL | C#county | M#municipality>', sk: '<COUNTS | DL#yyyymm | DTF#day>' },
  key: ({ scope, sk }) => ({ pk: `STATS#${scope}`, sk }),
  keyOf: (r) => ({ scope: r.scope, sk: r.scopeItem }),
  patterns: [{ name: 'the counters of one scope', index: 'table', partition: 'STATS#<scope>', sort: 'COUNTS | DL#<yyyymm> | DTF#<day>' }],
});
export const aggregateDeclaration = aggregates.declaration;

export interface ContributionRecord extends Contribution {
  callId: string;
  version: number;
}
export const contributions = entity<ContributionRecord, string>({
  type: 'statsContribution',
  description: 'What one call last added to the statistics counters (re-derived and diffed on every change near the call)',
  key: (callId) => ({ pk: `STATS#CALL#${callId}`, sk: 'CONTRIB' }),
  keyOf: (r) => r.callId,
  patterns: [{ name: "a call's contribution", index: 'table', partition: 'STATS#CALL#<callId>', sort: 'CONTRIB' }],
});

export const companyCounts = entity<{ orgNumber: string; sme?: boolean } & Record<string, unknown>, string>({
  type: 'statsCompany',
  description: "A company's counted proposals per scope (`n_ALL`, `n_C_31`, `n_M_3101`) and its SME flag, for distinct companies and the SME share",
  key: (orgNumber) => ({ pk: `STATS#CO#${orgNumber}`, sk: 'COUNTS' }),
  keyOf: (r) => r.orgNumber,
  patterns: [{ name: "a company's counted proposals", index: 'table', partition: 'STATS#CO#<orgNumber>', sort: 'COUNTS' }],
});

export const scopesOf = (municipalityCode: string) => ['ALL', `C#${countyOf(municipalityCode)}`, `M#${municipalityCode}`];
const scopeAttr = (scope: string) => `n_${attrName(scope)}`;
const scopeOfAttr = (attr: string) => attr.slice(2).replace(/^([CM])_/, '$1#');

/** Changes per counter item: `<scope>\u0000<sort key>` → attribute → delta. */
export type Deltas = Map<string, Map<string, number>>;

export function bump(into: Deltas, scope: string, sk: string, attr: string, n: number): void {
  if (n === 0) return;
  const id = `${scope}\u0000${sk}`;
  let m = into.get(id);
  if (!m) into.set(id, (m = new Map()));
  m.set(attr, (m.get(attr) ?? 0) + n);
}

/** Adds `sign` × the contribution to each of its scopes (a municipality's own item lists no municipalities). */
export function addContribution(into: Deltas, c: Contribution | undefined, sign: 1 | -1): void {
  if (!c) return;
  for (const scope of scopesOf(c.municipalityCode)) {
    for (const [key, n] of Object.entries(c.counts)) {
      const bar = key.indexOf('|');
      const sk = key.slice(0, bar);
      const attr = key.slice(bar + 1);
      if (sk === COUNTS && scope.startsWith('M#') && attr.startsWith('municipality_')) continue;
      bump(into, scope, sk, attr, sign * n);
    }
  }
}

/** Per company, the change of its counted proposals per scope between two contributions of one call. */
export function companyChanges(before: Contribution | undefined, after: Contribution | undefined): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (c: Contribution | undefined, sign: number) => {
    for (const org of c?.orgs ?? []) {
      const m = out.get(org) ?? new Map<string, number>();
      for (const scope of scopesOf(c!.municipalityCode)) m.set(scope, (m.get(scope) ?? 0) + sign);
      out.set(org, m);
    }
  };
  add(before, -1);
  add(after, 1);
  for (const [org, m] of out) {
    for (const [scope, n] of m) if (n === 0) m.delete(scope);
    if (m.size === 0) out.delete(org);
  }
  return out;
}

/** Applies the counter deltas, one UpdateItem ADD per item (ADD creates the item and its attributes). */
export async function applyDeltas(deltas: Deltas): Promise<void> {
  await Promise.all(
    [...deltas].map(async ([id, counts]) => {
      const [scope, sk] = id.split('\u0000') as [string, string];
      const add = [...counts].filter(([, n]) => n !== 0);
      if (add.length === 0) return;
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: aggregates.declaration.key({ scope, sk }),
          UpdateExpression: `SET #type = :type, #scope = :scope, #sk2 = :sk ADD ${add.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
          ExpressionAttributeNames: { ...Object.fromEntries(add.map(([k], i) => [`#a${i}`, k])), '#type': 'type', '#scope': 'scope', '#sk2': 'scopeItem' },
          ExpressionAttributeValues: { ...Object.fromEntries(add.map(([, n], i) => [`:a${i}`, n])), ':type': 'aggregate', ':scope': scope, ':sk': sk },
        }),
      );
    }),
  );
}

/**
 * Moves a company's counted proposals per scope; where that takes a scope from none to some (or back), the
 * scope's distinct companies (and SMEs, by the flag stored beside the counts) move too. The ADD returns the
 * counts and the flag of one item atomically, so concurrent changes never both see the same transition.
 */
export async function countCompanyChanges(changes: Map<string, Map<string, number>>, smeOf: (org: string) => boolean, into: Deltas): Promise<void> {
  await Promise.all(
    [...changes].map(async ([org, byScope]) => {
      const add = [...byScope];
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: companyCounts.declaration.key(org),
          UpdateExpression: `SET #type = :type, #org = :org, #sme = if_not_exists(#sme, :sme) ADD ${add.map((_, i) => `#n${i} :n${i}`).join(', ')}`,
          ExpressionAttributeNames: {
            ...Object.fromEntries(add.map(([s], i) => [`#n${i}`, scopeAttr(s)])),
            '#type': 'type',
            '#org': 'orgNumber',
            '#sme': 'sme',
          },
          ExpressionAttributeValues: { ...Object.fromEntries(add.map(([, n], i) => [`:n${i}`, n])), ':type': 'statsCompany', ':org': org, ':sme': smeOf(org) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const now = out.Attributes ?? {};
      const sme = now.sme !== false;
      for (const [scope, d] of add) {
        const n = Number(now[scopeAttr(scope)] ?? 0);
        const step = d > 0 && n === d ? 1 : d < 0 && n === 0 ? -1 : 0;
        bump(into, scope, COUNTS, 'companies', step);
        if (sme) bump(into, scope, COUNTS, 'sme_companies', step);
      }
    }),
  );
}

/** A company's SME flag changed: every scope where it counts moves its SME count (nothing when it counts nowhere). */
export async function countCompanySme(orgNumber: string, sme: boolean): Promise<void> {
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: companyCounts.declaration.key(orgNumber),
      UpdateExpression: 'SET #type = :type, #org = :org, #sme = :sme',
      ExpressionAttributeNames: { '#type': 'type', '#org': 'orgNumber', '#sme': 'sme' },
      ExpressionAttributeValues: { ':type': 'statsCompany', ':org': orgNumber, ':sme': sme },
      ReturnValues: 'ALL_OLD',
    }),
  );
  const before = out.Attributes;
  if (!before || (before.sme !== false) === sme) return;
  const deltas: Deltas = new Map();
  for (const [k, n] of Object.entries(before)) if (k.startsWith('n_') && Number(n) > 0) bump(deltas, scopeOfAttr(k), COUNTS, 'sme_companies', sme ? 1 : -1);
  await applyDeltas(deltas);
}

/** The counters of one item of a scope (`COUNTS`, `DL#…`, `DTF#…`); empty when nothing was ever counted there. */
export async function readCounters(scope: string, sk = COUNTS): Promise<Record<string, number>> {
  const item = await aggregates.get({ scope, sk });
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(item ?? {})) if (typeof v === 'number') counts[k] = v;
  return counts;
}

/**
 * Every counter item for a whole set of calls at once (bulk loads of generated markets, and the reference
 * the tests compare the write-by-write counters with): the same items the writes arrive at.
 */
export function aggregateItemsOf(facts: readonly CallFacts[], smeOf: (org: string) => boolean): Record<string, unknown>[] {
  const deltas: Deltas = new Map();
  const perCompany = new Map<string, Map<string, number>>();
  const items: Record<string, unknown>[] = [];
  for (const f of facts) {
    const c = contributionOf(f);
    addContribution(deltas, c, 1);
    items.push(contributions.toItem({ ...c, callId: f.call.id, version: 1 }));
    for (const [org, byScope] of companyChanges(undefined, c)) {
      const m = perCompany.get(org) ?? new Map<string, number>();
      for (const [scope, n] of byScope) m.set(scope, (m.get(scope) ?? 0) + n);
      perCompany.set(org, m);
    }
  }
  for (const [org, byScope] of perCompany) {
    items.push(companyCounts.toItem({ orgNumber: org, sme: smeOf(org), ...Object.fromEntries([...byScope].map(([s, n]) => [scopeAttr(s), n])) }));
    for (const scope of byScope.keys()) {
      bump(deltas, scope, COUNTS, 'companies', 1);
      if (smeOf(org)) bump(deltas, scope, COUNTS, 'sme_companies', 1);
    }
  }
  for (const [id, counts] of deltas) {
    const [scope, sk] = id.split('\u0000') as [string, string];
    items.push({ ...aggregates.declaration.key({ scope, sk }), type: 'aggregate', scope, scopeItem: sk, ...Object.fromEntries(counts) });
  }
  return items;
}

/** The counter items of a generated market (no outcomes or promotions: only contracts and cancellations choose). */
export function aggregateItems(
  calls: readonly CallRecord[],
  proposals: readonly { callId: string; orgNumber: string; submittedAt: string }[],
  companies: readonly { id: string; sme?: boolean }[],
): Record<string, unknown>[] {
  const byCall = new Map<string, { orgNumber: string; submittedAt: string }[]>();
  for (const p of proposals) {
    const list = byCall.get(p.callId) ?? [];
    list.push(p);
    byCall.set(p.callId, list);
  }
  const notSme = new Set(companies.filter((o) => o.sme === false).map((o) => o.id));
  const facts = calls.map((call) => ({ call, hasOutcome: false, proposals: byCall.get(call.id) ?? [], promotions: [], accepted: () => false }));
  return aggregateItemsOf(facts, (org) => !notSme.has(org));
}
