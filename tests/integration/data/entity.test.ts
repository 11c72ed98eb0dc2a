/** The generic item operations every declared item type gets, on real dynalite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../../support/local-stack.js';
import { entity } from '../../../functions/data/entity.js';
import { db, table } from '../../../functions/data/client.js';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

interface Thing {
  id: string;
  group: string;
  title: string;
  version: number;
  count?: number;
  colour?: string;
  listed?: boolean;
}

const things = entity<Thing, string>({
  type: 'test-thing',
  description: 'A test item',
  keyTemplate: { pk: 'THING#<id>', sk: 'THING' },
  key: (id) => ({ pk: `THING#${id}`, sk: 'THING' }),
  keyOf: (t) => t.id,
  indexes: (t) => ({ gsi1pk: t.listed ? `GROUP#${t.group}` : undefined, gsi1sk: t.listed ? `${t.title}#${t.id}` : undefined }),
  derived: { names: ['shout'], compute: (t) => ({ shout: t.title.toUpperCase() }) },
  defaults: { colour: 'grå' },
  patterns: [{ name: 'listed things of a group', index: 'gsi1', partition: 'GROUP#<group>', sort: '<title>#<id>' }],
});

let stack: Awaited<ReturnType<typeof startTestStack>>;
beforeAll(async () => {
  stack = await startTestStack({ seed: false });
});
afterAll(() => stack?.close());

const thing = (id: string, o: Partial<Thing> = {}): Thing => ({ id, group: 'g', title: `t-${id}`, version: 1, ...o });

describe('declared item types', () => {
  it('create once: a second put-if-absent changes nothing and says so', async () => {
    expect(await things.putIfAbsent(thing('a'))).toBe(true);
    expect(await things.putIfAbsent(thing('a', { title: 'other' }))).toBe(false);
    expect((await things.get('a'))!.title).toBe('t-a');
  });

  it('stores derived attributes for queries and never hands them back; applies defaults on read', async () => {
    await things.putIfAbsent(thing('b'));
    const raw = await db().send(new GetCommand({ TableName: table(), Key: { pk: 'THING#b', sk: 'THING' } }));
    expect(raw.Item).toMatchObject({ type: 'test-thing', shout: 'T-B' });
    const read = await things.get('b');
    expect(read).toEqual({ ...thing('b'), colour: 'grå' });
  });

  it('replaces only the version it was given', async () => {
    await things.putIfAbsent(thing('c'));
    expect(await things.replaceIfVersion(thing('c', { version: 2, title: 'first' }), 1)).toBe(true);
    expect(await things.replaceIfVersion(thing('c', { version: 2, title: 'second' }), 1)).toBe(false);
    expect((await things.get('c'))!.title).toBe('first');
    expect(await things.replaceIfVersion(thing('nope', { version: 2 }), 1)).toBe(false);
  });

  it('loses no update when twenty writers race on one version', async () => {
    await things.putIfAbsent(thing('d'));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => things.replaceIfVersion(thing('d', { version: 2, title: `w${i}` }), 1)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('updates under a condition, counts, removes, and answers undefined when the condition fails', async () => {
    await things.putIfAbsent(thing('e', { colour: 'blå' }));
    const counted = await Promise.all(Array.from({ length: 10 }, () => things.update('e', { add: { count: 1 } })));
    expect(counted.every(Boolean)).toBe(true);
    expect((await things.get('e'))!.count).toBe(10);
    const capped = await things.update('e', { add: { count: 1 }, condition: '#c < :max', names: { '#c': 'count' }, values: { ':max': 10 } });
    expect(capped).toBeUndefined();
    const changed = await things.update('e', { set: { title: 'ny', colour: undefined } });
    expect(changed).toMatchObject({ title: 'ny', colour: 'grå' }); // removed, so the default shows
    expect(await things.update('missing', { set: { title: 'x' } })).toBeUndefined();
  });

  it('deletes under a condition', async () => {
    await things.putIfAbsent(thing('f'));
    expect(await things.remove('f', { condition: '#v = :v', names: { '#v': 'version' }, values: { ':v': 9 } })).toBe(false);
    expect(await things.remove('f')).toBe(true);
    expect(await things.get('f')).toBeUndefined();
  });

  it('reads many keys in batches of a hundred, each item once', async () => {
    const ids = Array.from({ length: 130 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
    for (const id of ids) await things.putIfAbsent(thing(id));
    const got = await things.getMany([...ids, ...ids.slice(0, 10), 'absent']);
    expect(got.map((t) => t.id).sort()).toEqual(ids);
  });

  it('queries a sparse index by pattern, page by page, in either order', async () => {
    for (const [i, title] of ['alfa', 'bravo', 'charlie', 'delta', 'echo'].entries()) {
      await things.putIfAbsent(thing(`q${i}`, { group: 'q', title, listed: true }));
    }
    await things.putIfAbsent(thing('q-hidden', { group: 'q', title: 'aaa' }));
    const first = await things.query({ index: 'gsi1', partition: 'GROUP#q' }, 2);
    expect(first.items.map((t) => t.title)).toEqual(['alfa', 'bravo']);
    const second = await things.query({ index: 'gsi1', partition: 'GROUP#q' }, 2, first.lastKey);
    expect(second.items.map((t) => t.title)).toEqual(['charlie', 'delta']);
    const third = await things.query({ index: 'gsi1', partition: 'GROUP#q' }, 2, second.lastKey);
    expect(third.items.map((t) => t.title)).toEqual(['echo']);
    expect(third.lastKey).toBeUndefined();
    const newest = await things.queryEvery({ index: 'gsi1', partition: 'GROUP#q', newestFirst: true, sort: { after: 'b' } });
    expect(newest.map((t) => t.title)).toEqual(['echo', 'delta', 'charlie', 'bravo']);
    const between = await things.queryEvery({ index: 'gsi1', partition: 'GROUP#q', sort: { between: ['b', 'd'] } });
    expect(between.map((t) => t.title)).toEqual(['bravo', 'charlie']);
    const begins = await things.queryEvery({ index: 'gsi1', partition: 'GROUP#q', sort: { beginsWith: 'd' } });
    expect(begins.map((t) => t.title)).toEqual(['delta']);
    const filtered = await things.queryEvery({
      index: 'gsi1',
      partition: 'GROUP#q',
      filter: { expression: 'contains(#t, :x)', names: { '#t': 'title' }, values: { ':x': 'ar' } },
    });
    expect(filtered.map((t) => t.title)).toEqual(['charlie']);
  });

  it('puts if absent or if a condition holds for what is stored', async () => {
    await things.putIfAbsent(thing('g', { version: 1 }));
    const olderThan = (v: number) => ({ condition: '#v < :v', names: { '#v': 'version' }, values: { ':v': v } });
    expect(await things.putIfAbsent(thing('g', { version: 5, title: 'newer' }), olderThan(1))).toBe(false);
    expect(await things.putIfAbsent(thing('g', { version: 5, title: 'newer' }), olderThan(5))).toBe(true);
    expect((await things.get('g', { consistent: true }))!.title).toBe('newer');
  });

  it('updates with if_not_exists, list_append and upsert, and hands back the old values when asked', async () => {
    expect(await things.update('h', { set: { title: 'first' }, setIfAbsent: { colour: 'rød' }, upsert: true, returning: 'old' })).toBeUndefined();
    const before = await things.update('h', { set: { title: 'second' }, setIfAbsent: { colour: 'blå' }, returning: 'old' });
    expect(before?.title).toBe('first');
    const raw = await db().send(new GetCommand({ TableName: table(), Key: { pk: 'THING#h', sk: 'THING' } }));
    expect(raw.Item).toMatchObject({ type: 'test-thing', title: 'second', colour: 'rød' });
    await things.update('h', { append: { tags: ['a'] } });
    await things.update('h', { append: { tags: ['b'] } });
    const tagged = await db().send(new GetCommand({ TableName: table(), Key: { pk: 'THING#h', sk: 'THING' } }));
    expect(tagged.Item?.tags).toEqual(['a', 'b']);
  });

  it('reports only whether a condition held with updateIf, and takes an item back out with take', async () => {
    await things.putIfAbsent(thing('i', { version: 3 }));
    expect(await things.updateIf('i', { set: { title: 'x' }, condition: '#v = :v', names: { '#v': 'version' }, values: { ':v': 2 } })).toBe(false);
    expect(await things.updateIf('i', { set: { title: 'x' }, condition: '#v = :v', names: { '#v': 'version' }, values: { ':v': 3 } })).toBe(true);
    expect(await things.updateIf('absent-i', { set: { title: 'x' } })).toBe(false);
    expect((await things.take('i'))?.title).toBe('x');
    expect(await things.take('i')).toBeUndefined();
  });

  it('reads only the attributes asked for, and counts without reading', async () => {
    for (const [i, title] of ['kilo', 'lima', 'mike'].entries()) await things.putIfAbsent(thing(`p${i}`, { group: 'p', title, listed: true, colour: 'grønn' }));
    const light = await things.getMany(['p0', 'p1'], ['id', 'title']);
    expect(light.map((t) => t.title).sort()).toEqual(['kilo', 'lima']);
    expect(light.every((t) => !('version' in t))).toBe(true);
    const projected = await things.queryEvery({ index: 'gsi1', partition: 'GROUP#p', attributes: ['title'] });
    expect(projected).toEqual([
      { colour: 'grå', title: 'kilo' },
      { colour: 'grå', title: 'lima' },
      { colour: 'grå', title: 'mike' },
    ]);
    expect(await things.count({ index: 'gsi1', partition: 'GROUP#p' })).toBe(3);
    expect(
      await things.count({ index: 'gsi1', partition: 'GROUP#p', filter: { expression: '#t > :t', names: { '#t': 'title' }, values: { ':t': 'l' } } }),
    ).toBe(2);
  });

  it('spells the key template from the key function when none is declared', () => {
    const spelled = entity<{ callId: string; n: number }>({
      type: 'spelled',
      description: 'x',
      key: (k) => ({ pk: `C#${k.callId}`, sk: `N#${String(k.n).padStart(3, '0')}` }),
      patterns: [],
    });
    expect(spelled.declaration.keyTemplate).toEqual({ pk: 'C#<callId>', sk: 'N#<n>' });
  });
});
