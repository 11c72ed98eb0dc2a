import { afterEach, describe, expect, it, vi } from 'vitest';
import { knownPages, pageFromUrl, pageHref, pageWindow } from '../../../web/src/lib/pagination.js';

const url = (q: string) => new URL(`http://localhost/${q}`);

/** sessionStorage as the browser has it (the unit project runs in node, which has none). */
function fakeStorage() {
  const data = new Map<string, string>();
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => data.set(k, v) });
  return data;
}

afterEach(() => vi.unstubAllGlobals());

describe('the page in the URL', () => {
  it('reads the page and its cursor; anything else is the first page', () => {
    expect(pageFromUrl(url('?status=all&side=3&fra=abc'))).toEqual({ page: 3, cursor: 'abc' });
    expect(pageFromUrl(url('?side=3'))).toEqual({ page: 1, cursor: undefined });
    expect(pageFromUrl(url('?side=1&fra=abc'))).toEqual({ page: 1, cursor: undefined });
    expect(pageFromUrl(url('?side=2.5&fra=abc'))).toEqual({ page: 1, cursor: undefined });
    expect(pageFromUrl(url('?side=-2&fra=abc'))).toEqual({ page: 1, cursor: undefined });
    expect(pageFromUrl(url('?side=99999&fra=abc'))).toEqual({ page: 1, cursor: undefined });
  });

  it('links another page with the filters kept; page 1 carries no paging parameters', () => {
    const here = url('?status=all&side=2&fra=abc&q=sol');
    expect(pageHref(here, 3, 'x y')).toBe('/?status=all&q=sol&side=3&fra=x+y');
    expect(pageHref(here, 1, undefined)).toBe('/?status=all&q=sol');
    expect(pageHref(url('?side=2&fra=abc'), 1, undefined)).toBe('/');
  });
});

describe('the page numbers shown', () => {
  it('shows the first, the last known and the neighbours, with gaps', () => {
    expect(pageWindow(1, [1, 2])).toEqual([1, 2]);
    expect(pageWindow(3, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(pageWindow(5, [1, 2, 3, 4, 5, 6])).toEqual([1, null, 4, 5, 6]);
    expect(pageWindow(2, [1, 2, 3, 4, 5, 6, 7])).toEqual([1, 2, 3, null, 7]);
    // A shared link to page 3: page 2's cursor is unknown.
    expect(pageWindow(3, [1, 3, 4])).toEqual([1, null, 3, 4]);
  });
});

describe('cursors remembered per list', () => {
  it('links back to pages seen in this tab, per filter set', () => {
    fakeStorage();
    knownPages(url('?status=all'), { page: 1, cursor: undefined }, 'c2');
    knownPages(url('?status=all&side=2&fra=c2'), { page: 2, cursor: 'c2' }, 'c3');
    const pages = knownPages(url('?side=3&fra=c3&status=all'), { page: 3, cursor: 'c3' }, 'c4');
    expect([...pages]).toEqual([
      [1, undefined],
      [2, 'c2'],
      [3, 'c3'],
      [4, 'c4'],
    ]);
    // Another filter is another list.
    expect([...knownPages(url('?status=open'), { page: 1, cursor: undefined }, 'o2')]).toEqual([
      [1, undefined],
      [2, 'o2'],
    ]);
  });

  it('forgets pages past the last one when the list has become shorter', () => {
    fakeStorage();
    knownPages(url(''), { page: 1, cursor: undefined }, 'c2');
    knownPages(url('?side=2&fra=c2'), { page: 2, cursor: 'c2' }, 'c3');
    expect([...knownPages(url('?side=2&fra=c2'), { page: 2, cursor: 'c2' }, null).keys()]).toEqual([1, 2]);
  });

  it('still links the neighbours it knows without storage', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect([...knownPages(url('?side=3&fra=c3'), { page: 3, cursor: 'c3' }, 'c4')]).toEqual([
      [1, undefined],
      [3, 'c3'],
      [4, 'c4'],
    ]);
  });
});
