import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { queryAll, queryCount, queryUpTo, type Key } from './paging.js';

/**
 * Item types declared once, as data: key, index attributes (named after the access pattern they serve),
 * derived attributes, defaults and the access patterns themselves. `entity()` turns a declaration into the
 * few generic operations every item type needs (get, batch-get with retry, put-if-absent, conditional
 * replace on version, update with a condition, delete, query a pattern with paging), so a new item type is
 * a declaration plus its use cases. docs/data-model.md's tables are generated from the declarations
 * (`npm run docs:data`), and a test fails when the document and the declarations differ.
 */

export type Item = Record<string, unknown>;
export type IndexName = 'gsi1' | 'gsi2' | 'gsi3';
export interface IndexAttributes {
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
  gsi3pk?: string;
  gsi3sk?: string;
}

/** One way the application reads this item type, for the generated documentation. */
export interface AccessPattern {
  /** What the application asks, in a few words («a company's proposals, newest first»). */
  name: string;
  index: 'table' | IndexName;
  /** The key condition, spelled with placeholders: `CALL#<id>`, `begins_with(PROPOSAL#)`. */
  partition: string;
  sort?: string;
}

export interface EntityDeclaration<T extends object, K> {
  /** The item's `type` attribute. */
  type: string;
  description: string;
  /**
   * Key templates for the documentation, e.g. { pk: 'CALL#<id>', sk: 'CALL' }. Left out, they are read off
   * `key` itself (each key field shows as `<field>`), so the document cannot say other than the code does.
   */
  keyTemplate?: { pk: string; sk: string };
  key: (k: K) => { pk: string; sk: string };
  /** The key of a record; left out, the record is its own key (`key` reads only the fields it needs). */
  keyOf?: (record: T) => K;
  /** Index attributes; an attribute left undefined keeps the item out of that index (sparse index). */
  indexes?: (record: T) => IndexAttributes;
  /** Attributes stored for queries only, computed from the record and never read back. */
  derived?: { names: readonly string[]; compute: (record: T) => Item };
  /** Values older items may lack (fields added later), applied on read. */
  defaults?: Partial<T>;
  patterns: readonly AccessPattern[];
}

/** A condition in DynamoDB syntax; its placeholders' names and values go in `names` and `values`. */
export interface Condition {
  condition?: string;
  names?: Record<string, string>;
  values?: Item;
}

export interface UpdateSpec extends Condition {
  /** Attributes to set; an undefined value removes the attribute. */
  set?: Item;
  /** Attributes set only where the item has none yet (`if_not_exists`). */
  setIfAbsent?: Item;
  /** Lists to append to (`list_append`, starting from an empty list). */
  append?: Record<string, readonly unknown[]>;
  remove?: readonly string[];
  /** Numeric additions (counters). */
  add?: Record<string, number>;
  /** Creates the item when it is missing (no existence condition); its `type` is written too. */
  upsert?: boolean;
  /** 'old': hand back the updated attributes as they were before (undefined for a new item). */
  returning?: 'new' | 'old';
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'] as const;

/** The record stored in an item: its keys, `type` and derived attributes left out. */
export function recordOf<T>(item: Item, derived: readonly string[] = []): T {
  const record: Item = {};
  for (const [k, v] of Object.entries(item)) if (!(KEY_ATTRIBUTES as readonly string[]).includes(k) && !derived.includes(k)) record[k] = v;
  return record as T;
}

/**
 * A key argument that names itself: `${k}` reads `<id>`, `k.callId` reads `<callId>`, so calling a key
 * function with it spells the key's template.
 */
const placeholder: unknown = new Proxy(
  {},
  {
    get: (_, prop) => (prop === Symbol.toPrimitive ? () => '<id>' : `<${String(prop)}>`),
  },
);

/** Every declaration made in this process, for the generated documentation. */
export const declarations: EntityDeclaration<object, unknown>[] = [];

/**
 * Items by key, 100 per request; keys DynamoDB hands back unprocessed are asked for again, with backoff. For
 * declared entities through `getMany`; raw items for call-stats.ts, which may not import the data modules that call it.
 */
export async function batchGetItems(
  keyList: readonly Item[],
  projection: { ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> } = {},
): Promise<Item[]> {
  const found: Item[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Item[] }> | undefined = { [table()]: { Keys: keyList.slice(i, i + 100), ...projection } };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const out = await db().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(out.Responses?.[table()] ?? []));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

export function entity<T extends object, K = T>(declared: EntityDeclaration<T, K>) {
  const decl = {
    keyOf: (record: T) => record as unknown as K,
    ...declared,
    keyTemplate: declared.keyTemplate ?? declared.key(placeholder as K),
  };
  declarations.push(decl as unknown as EntityDeclaration<object, unknown>);

  const toItem = (record: T): Item => {
    const indexes = Object.fromEntries(Object.entries(decl.indexes?.(record) ?? {}).filter(([, v]) => v !== undefined));
    return { ...decl.key(decl.keyOf(record)), type: decl.type, ...record, ...decl.derived?.compute(record), ...indexes };
  };

  const fromItem = (item: Item): T => ({ ...decl.defaults, ...recordOf<T>(item, decl.derived?.names) });

  async function get(k: K, options: { consistent?: boolean } = {}): Promise<T | undefined> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: decl.key(k), ...(options.consistent ? { ConsistentRead: true } : {}) }));
    return out.Item ? fromItem(out.Item) : undefined;
  }

  /**
   * Many items by key, 100 per request; keys DynamoDB hands back unprocessed are asked for again.
   * `attributes` reads only those (a public projection, or a light one).
   */
  async function getMany<A extends keyof T & string>(ks: readonly K[], attributes?: readonly A[]): Promise<Pick<T, A>[]> {
    const unique = [
      ...new Map(
        ks.map((k) => {
          const key = decl.key(k);
          return [`${key.pk}\u0000${key.sk}`, key];
        }),
      ).values(),
    ];
    const projection = attributes
      ? {
          ProjectionExpression: attributes.map((_, i) => `#p${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#p${i}`, a])),
        }
      : {};
    return (await batchGetItems(unique, projection)).map((item) => fromItem(item) as Pick<T, A>);
  }

  /** Runs a conditional write that may hand back the item's attributes: ok false when the condition failed. */
  async function written(send: () => Promise<{ Attributes?: Item } | undefined>): Promise<{ ok: boolean; record?: T }> {
    let record: T | undefined;
    const ok = await ifConditionHolds(async () => {
      const out = await send();
      record = out?.Attributes ? fromItem(out.Attributes) : undefined;
    });
    return { ok, record };
  }

  /** Writes the item if `cond` holds for what is stored (or for nothing); with `returnOld`, the item it replaced. */
  const putItem = (record: T, cond: Condition, returnOld = false) =>
    written(() =>
      db().send(new PutCommand({ TableName: table(), Item: toItem(record), ...expression(cond), ...(returnOld ? { ReturnValues: 'ALL_OLD' as const } : {}) })),
    );

  /** Writes the item if `cond` holds for what is stored (or for nothing); false when it did not. */
  const putIf = async (record: T, cond: Condition) => (await putItem(record, cond)).ok;

  /** Writes the item unless one with its key exists (or unless `orIf` holds for it); false when it did. */
  const putIfAbsent = (record: T, orIf?: Condition) =>
    putIf(record, { ...orIf, condition: orIf?.condition ? `attribute_not_exists(pk) OR ${orIf.condition}` : 'attribute_not_exists(pk)' });

  /** Writes the item whatever is there (derived data, idempotent overwrites). */
  async function put(record: T): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: toItem(record) }));
  }

  /**
   * Replaces the item if, and only if, it still has `expectedVersion` (and `condition`, when given):
   * one conditional write, so concurrent editors never overwrite each other. False when it lost.
   */
  const replaceIfVersion = (record: T, expectedVersion: number, extra: Condition = {}) => putIf(record, versionCondition(expectedVersion, extra));

  /** replaceIfVersion, handing back the item as it was (`old`), for the writes that follow from the change. */
  async function swapIfVersion(record: T, expectedVersion: number, extra: Condition = {}): Promise<{ ok: boolean; old?: T }> {
    const { ok, record: old } = await putItem(record, versionCondition(expectedVersion, extra), true);
    return { ok, old };
  }

  /** SET / REMOVE / ADD on an existing item under a condition; the new record, or undefined when the condition failed. */
  async function update(k: K, spec: UpdateSpec): Promise<T | undefined> {
    return (await updateItem(k, spec, spec.returning === 'old' ? 'UPDATED_OLD' : 'ALL_NEW')).record;
  }

  /** The same write when only its success matters (counters, claims): true when the condition held. */
  async function updateIf(k: K, spec: Omit<UpdateSpec, 'returning'>): Promise<boolean> {
    return (await updateItem(k, spec, 'NONE')).ok;
  }

  async function updateItem(k: K, spec: UpdateSpec, returnValues: 'ALL_NEW' | 'UPDATED_OLD' | 'NONE'): Promise<{ ok: boolean; record?: T }> {
    const names: Record<string, string> = { ...spec.names };
    const values: Item = { ...spec.values };
    const name = (prefix: string, n: string, i: number) => ((names[`#${prefix}${i}`] = n), `#${prefix}${i}`);
    const value = (prefix: string, v: unknown, i: number) => ((values[`:${prefix}${i}`] = v), `:${prefix}${i}`);
    const clause = (verb: string, parts: string[]) => (parts.length ? `${verb} ${parts.join(', ')}` : '');
    const defined = Object.entries({ ...spec.set, ...(spec.upsert ? { type: decl.type } : {}) }).filter(([, v]) => v !== undefined);
    const set = [
      ...defined.map(([n, v], i) => `${name('s', n, i)} = ${value('s', v, i)}`),
      ...Object.entries(spec.setIfAbsent ?? {}).map(([n, v], i) => `${name('i', n, i)} = if_not_exists(#i${i}, ${value('i', v, i)})`),
      ...Object.entries(spec.append ?? {}).map(([n, v], i) => {
        values[':empty'] = [];
        return `${name('l', n, i)} = list_append(if_not_exists(#l${i}, :empty), ${value('l', v, i)})`;
      }),
    ];
    const removed = [
      ...(spec.remove ?? []),
      ...Object.entries(spec.set ?? {})
        .filter(([, v]) => v === undefined)
        .map(([n]) => n),
    ];
    const remove = removed.map((n, i) => name('r', n, i));
    const add = Object.entries(spec.add ?? {}).map(([n, v], i) => `${name('a', n, i)} ${value('a', v, i)}`);
    const condition = [spec.upsert ? '' : 'attribute_exists(pk)', spec.condition].filter(Boolean).join(' AND ');
    return written(() =>
      db().send(
        new UpdateCommand({
          TableName: table(),
          Key: decl.key(k),
          UpdateExpression: [clause('SET', set), clause('REMOVE', remove), clause('ADD', add)].filter(Boolean).join(' '),
          ...expression({ condition, names, values }),
          ...(returnValues === 'NONE' ? {} : { ReturnValues: returnValues }),
        }),
      ),
    );
  }

  /** Deletes the item (under a condition, when given); false when the condition failed. */
  const remove = async (k: K, cond: Condition = {}): Promise<boolean> => (await deleteItem(k, cond, false)).ok;

  /** Deletes the item if it exists (and `cond` holds); the record it held, or undefined. */
  async function take(k: K, cond: Condition = {}): Promise<T | undefined> {
    const condition = ['attribute_exists(pk)', cond.condition].filter(Boolean).join(' AND ');
    return (await deleteItem(k, { ...cond, condition }, true)).record;
  }

  const deleteItem = (k: K, cond: Condition, returnOld: boolean) =>
    written(() =>
      db().send(new DeleteCommand({ TableName: table(), Key: decl.key(k), ...expression(cond), ...(returnOld ? { ReturnValues: 'ALL_OLD' as const } : {}) })),
    );

  /** A page of the items a key condition selects, in sort-key order (or reversed). */
  async function query(q: QuerySpec, limit: number, startKey?: Key): Promise<{ items: T[]; lastKey?: Key }> {
    const page = await queryUpTo<Item>(queryInput(q), limit, startKey);
    return { items: page.items.map(fromItem), lastKey: page.lastKey };
  }

  /** Every item a key condition selects: for partitions known to stay small. */
  async function queryEvery(q: QuerySpec, pageSize?: number): Promise<T[]> {
    return (await queryAll<Item>(queryInput(q), pageSize)).map(fromItem);
  }

  /** How many items a key condition (and filter) selects, without reading them. */
  const count = (q: QuerySpec) => queryCount(queryInput(q));

  return {
    declaration: decl as EntityDeclaration<T, K> & Required<Pick<EntityDeclaration<T, K>, 'keyTemplate' | 'keyOf'>>,
    toItem,
    fromItem,
    get,
    getMany,
    putIf,
    putIfAbsent,
    put,
    replaceIfVersion,
    swapIfVersion,
    update,
    updateIf,
    remove,
    take,
    query,
    queryEvery,
    count,
  };
}

export interface QuerySpec {
  index?: IndexName;
  partition: string;
  /** Sort key condition: begins with, or between (inclusive), or strictly after / before. */
  sort?: { beginsWith: string } | { between: [string, string] } | { after: string } | { before: string };
  newestFirst?: boolean;
  filter?: { expression: string; names?: Record<string, string>; values?: Item };
  /** Read only these attributes (the keys are always read, for paging). */
  attributes?: readonly string[];
}

/** The Query input of a pattern; exported for the modules that read items not (yet) declared here. */
export function queryInput(q: QuerySpec) {
  const pk = q.index ? `${q.index}pk` : 'pk';
  const sk = q.index ? `${q.index}sk` : 'sk';
  const names: Record<string, string> = { '#pk': pk, ...q.filter?.names };
  const values: Item = { ':pk': q.partition, ...q.filter?.values };
  let condition = '#pk = :pk';
  if (q.sort) {
    names['#sk'] = sk;
    if ('beginsWith' in q.sort) {
      condition += ' AND begins_with(#sk, :sk)';
      values[':sk'] = q.sort.beginsWith;
    } else if ('between' in q.sort) {
      condition += ' AND #sk BETWEEN :sk1 AND :sk2';
      [values[':sk1'], values[':sk2']] = q.sort.between;
    } else if ('after' in q.sort) {
      condition += ' AND #sk > :sk';
      values[':sk'] = q.sort.after;
    } else {
      condition += ' AND #sk < :sk';
      values[':sk'] = q.sort.before;
    }
  }
  let projection: string | undefined;
  if (q.attributes) {
    const read = [...new Set(['pk', 'sk', pk, sk, ...q.attributes])];
    projection = read.map((a, i) => ((names[`#q${i}`] = a), `#q${i}`)).join(', ');
  }
  return {
    TableName: table(),
    ...(q.index ? { IndexName: q.index } : {}),
    KeyConditionExpression: condition,
    ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
    ...(projection ? { ProjectionExpression: projection } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: !q.newestFirst,
  };
}

/** The stored item still has `expectedVersion` (and `extra.condition`, when given). */
const versionCondition = (expectedVersion: number, extra: Condition): Condition => ({
  condition: ['attribute_exists(pk) AND #v = :v', extra.condition].filter(Boolean).join(' AND '),
  names: { '#v': 'version', ...extra.names },
  values: { ':v': expectedVersion, ...extra.values },
});

/** A condition as the SDK's input fields, leaving out what is empty (DynamoDB refuses empty maps). */
function expression(c: Condition) {
  return {
    ...(c.condition ? { ConditionExpression: c.condition } : {}),
    ...(c.names && Object.keys(c.names).length ? { ExpressionAttributeNames: c.names } : {}),
    ...(c.values && Object.keys(c.values).length ? { ExpressionAttributeValues: c.values } : {}),
  };
}

/** Runs a conditional write: true when it took effect, false when its condition failed. */
export async function ifConditionHolds(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
