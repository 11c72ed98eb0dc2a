import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from './client.js';
import { queryAll, queryUpTo, type Key } from './paging.js';

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
  /** Key templates for the documentation, e.g. { pk: 'CALL#<id>', sk: 'CALL' }. */
  keyTemplate: { pk: string; sk: string };
  key: (k: K) => { pk: string; sk: string };
  keyOf: (record: T) => K;
  /** Index attributes; an attribute left undefined keeps the item out of that index (sparse index). */
  indexes?: (record: T) => IndexAttributes;
  /** Attributes stored for queries only, computed from the record and never read back. */
  derived?: { names: readonly string[]; compute: (record: T) => Item };
  /** Values older items may lack (fields added later), applied on read. */
  defaults?: Partial<T>;
  patterns: readonly AccessPattern[];
}

export interface UpdateSpec {
  set?: Item;
  remove?: readonly string[];
  /** Numeric additions (counters). */
  add?: Record<string, number>;
  /** A condition in DynamoDB syntax; its names and values go in `names` and `values`. */
  condition?: string;
  names?: Record<string, string>;
  values?: Item;
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'] as const;

/** Every declaration made in this process, for the generated documentation. */
export const declarations: EntityDeclaration<object, unknown>[] = [];

export function entity<T extends object, K>(decl: EntityDeclaration<T, K>) {
  declarations.push(decl as unknown as EntityDeclaration<object, unknown>);
  const stripped = new Set<string>([...KEY_ATTRIBUTES, ...(decl.derived?.names ?? [])]);

  const toItem = (record: T): Item => {
    const indexes = Object.fromEntries(Object.entries(decl.indexes?.(record) ?? {}).filter(([, v]) => v !== undefined));
    return { ...decl.key(decl.keyOf(record)), type: decl.type, ...record, ...decl.derived?.compute(record), ...indexes };
  };

  const fromItem = (item: Item): T => {
    const record: Item = { ...decl.defaults };
    for (const [k, v] of Object.entries(item)) if (!stripped.has(k)) record[k] = v;
    return record as T;
  };

  async function get(k: K): Promise<T | undefined> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: decl.key(k) }));
    return out.Item ? fromItem(out.Item) : undefined;
  }

  /** Many items by key, 100 per request; keys DynamoDB hands back unprocessed are asked for again. */
  async function getMany(ks: readonly K[]): Promise<T[]> {
    const unique = [...new Map(ks.map((k) => { const key = decl.key(k); return [`${key.pk}\u0000${key.sk}`, key]; })).values()];
    const found: T[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, { Keys: Item[] }> | undefined = { [table()]: { Keys: unique.slice(i, i + 100) } };
      for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const out = await db().send(new BatchGetCommand({ RequestItems: request }));
        for (const item of out.Responses?.[table()] ?? []) found.push(fromItem(item));
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  /** Writes the item unless one with its key exists; false when it did. */
  async function putIfAbsent(record: T): Promise<boolean> {
    return conditional(() =>
      db().send(new PutCommand({ TableName: table(), Item: toItem(record), ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  /** Writes the item whatever is there (derived data, idempotent overwrites). */
  async function put(record: T): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: toItem(record) }));
  }

  /**
   * Replaces the item if, and only if, it still has `expectedVersion` (and `condition`, when given):
   * one conditional write, so concurrent editors never overwrite each other. False when it lost.
   */
  async function replaceIfVersion(record: T, expectedVersion: number, extra: Omit<UpdateSpec, 'set' | 'remove' | 'add'> = {}): Promise<boolean> {
    const condition = ['attribute_exists(pk) AND #version = :expectedVersion', extra.condition].filter(Boolean).join(' AND ');
    return conditional(() =>
      db().send(
        new PutCommand({
          TableName: table(),
          Item: toItem(record),
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#version': 'version', ...extra.names },
          ExpressionAttributeValues: { ':expectedVersion': expectedVersion, ...extra.values },
        }),
      ),
    );
  }

  /** SET / REMOVE / ADD on an existing item under a condition; the new record, or undefined when the condition failed. */
  async function update(k: K, spec: UpdateSpec): Promise<T | undefined> {
    const names: Record<string, string> = { ...spec.names };
    const values: Item = { ...spec.values };
    const clause = (verb: string, parts: string[]) => (parts.length ? `${verb} ${parts.join(', ')}` : '');
    const set = Object.entries(spec.set ?? {}).filter(([, v]) => v !== undefined).map(([name, v], i) => {
      names[`#s${i}`] = name;
      values[`:s${i}`] = v;
      return `#s${i} = :s${i}`;
    });
    const remove = [...(spec.remove ?? []), ...Object.entries(spec.set ?? {}).filter(([, v]) => v === undefined).map(([n]) => n)].map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
    const add = Object.entries(spec.add ?? {}).map(([name, v], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = v;
      return `#a${i} :a${i}`;
    });
    let result: T | undefined;
    const ok = await conditional(async () => {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: decl.key(k),
          UpdateExpression: [clause('SET', set), clause('REMOVE', remove), clause('ADD', add)].filter(Boolean).join(' '),
          ConditionExpression: ['attribute_exists(pk)', spec.condition].filter(Boolean).join(' AND '),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
          ReturnValues: 'ALL_NEW',
        }),
      );
      result = fromItem(out.Attributes!);
    });
    return ok ? result : undefined;
  }

  /** Deletes the item (under a condition, when given); false when the condition failed. */
  async function remove(k: K, spec: Pick<UpdateSpec, 'condition' | 'names' | 'values'> = {}): Promise<boolean> {
    return conditional(() =>
      db().send(
        new DeleteCommand({
          TableName: table(),
          Key: decl.key(k),
          ...(spec.condition ? { ConditionExpression: spec.condition } : {}),
          ...(spec.names ? { ExpressionAttributeNames: spec.names } : {}),
          ...(spec.values ? { ExpressionAttributeValues: spec.values } : {}),
        }),
      ),
    );
  }

  /** A page of the items a key condition selects, in sort-key order (or reversed). */
  async function query(q: QuerySpec, limit: number, startKey?: Key): Promise<{ items: T[]; lastKey?: Key }> {
    const page = await queryUpTo<Item>(queryInput(q), limit, startKey);
    return { items: page.items.map(fromItem), lastKey: page.lastKey };
  }

  /** Every item a key condition selects: for partitions known to stay small. */
  async function queryEvery(q: QuerySpec): Promise<T[]> {
    return (await queryAll<Item>(queryInput(q))).map(fromItem);
  }

  return { declaration: decl, toItem, fromItem, get, getMany, putIfAbsent, put, replaceIfVersion, update, remove, query, queryEvery };
}

export interface QuerySpec {
  index?: IndexName;
  partition: string;
  /** Sort key condition: begins with, or between (inclusive), or strictly after / before. */
  sort?: { beginsWith: string } | { between: [string, string] } | { after: string } | { before: string };
  newestFirst?: boolean;
  filter?: { expression: string; names?: Record<string, string>; values?: Item };
}

function queryInput(q: QuerySpec) {
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
  return {
    TableName: table(),
    ...(q.index ? { IndexName: q.index } : {}),
    KeyConditionExpression: condition,
    ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: !q.newestFirst,
  };
}

/** Runs a conditional write: true when it took effect, false when its condition failed. */
async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
