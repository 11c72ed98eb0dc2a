/**
 * Numbered pages over the API's opaque cursors. The URL carries the page number and that page's cursor
 * (`?side=3&fra=…`), so every page is a link: back/forward, reload and sharing land on the same page. The
 * API cannot jump to page n, so the cursors of pages already seen are kept for the tab (sessionStorage,
 * per list and filter) to link back to them; a shared link to page 3 offers page 1, 3 and 4 until 2 is seen.
 */
export const PAGE_PARAM = 'side';
export const CURSOR_PARAM = 'fra';
const MAX_PAGE = 10_000;

export interface PagePosition {
	/** 1-based. */
	page: number;
	/** The cursor the page starts at; undefined for the first page. */
	cursor: string | undefined;
}

/** A page number without its cursor (or a garbled one) is the first page: the cursor is what the API reads. */
export function pageFromUrl(url: URL): PagePosition {
	const cursor = url.searchParams.get(CURSOR_PARAM) || undefined;
	const n = Number(url.searchParams.get(PAGE_PARAM));
	if (!cursor || !Number.isInteger(n) || n < 2 || n > MAX_PAGE) return { page: 1, cursor: undefined };
	return { page: n, cursor };
}

/** The URL of another page of the same list: the filters stay, the page and cursor change. */
export function pageHref(url: URL, page: number, cursor: string | undefined): string {
	const params = new URLSearchParams(url.search);
	params.delete(PAGE_PARAM);
	params.delete(CURSOR_PARAM);
	if (page > 1 && cursor) {
		params.set(PAGE_PARAM, String(page));
		params.set(CURSOR_PARAM, cursor);
	}
	const q = params.toString();
	return `${url.pathname}${q ? `?${q}` : ''}`;
}

/** The list's identity: its path and query without the paging parameters. */
function listKey(url: URL): string {
	const params = new URLSearchParams(url.search);
	params.delete(PAGE_PARAM);
	params.delete(CURSOR_PARAM);
	params.sort();
	return `itorget.pages:${url.pathname}?${params}`;
}

type Cursors = Record<number, string>;

function read(key: string): Cursors {
	try {
		return JSON.parse(sessionStorage.getItem(key) ?? '{}') as Cursors;
	} catch {
		return {};
	}
}

/**
 * Notes the cursors this page revealed (its own and the next page's) and returns every page of the list
 * whose cursor is known, page 1 included. Storage may be unavailable (private modes): then only the
 * neighbours the URL and the answer give are linked.
 */
export function knownPages(url: URL, here: PagePosition, nextCursor: string | null): Map<number, string | undefined> {
	const key = listKey(url);
	let cursors: Cursors = {};
	try {
		cursors = read(key);
		if (here.cursor) cursors[here.page] = here.cursor;
		if (nextCursor) cursors[here.page + 1] = nextCursor;
		else for (const n of Object.keys(cursors).map(Number)) if (n > here.page) delete cursors[n];
		sessionStorage.setItem(key, JSON.stringify(cursors));
	} catch {
		if (here.cursor) cursors[here.page] = here.cursor;
		if (nextCursor) cursors[here.page + 1] = nextCursor;
	}
	const pages = new Map<number, string | undefined>([[1, undefined]]);
	for (const [n, c] of Object.entries(cursors)) pages.set(Number(n), c);
	return new Map([...pages].sort((a, b) => a[0] - b[0]));
}

/** The page numbers to show: the first, the last known, and the neighbours of the current one; null for a gap. */
export function pageWindow(current: number, known: number[]): (number | null)[] {
	const last = Math.max(current, ...known);
	const shown = known.filter((n) => n === 1 || n === last || Math.abs(n - current) <= 1 || n === current);
	if (!shown.includes(current)) shown.push(current);
	shown.sort((a, b) => a - b);
	const out: (number | null)[] = [];
	for (const n of shown) {
		const prev = out.at(-1);
		if (typeof prev === 'number' && n - prev > 1) out.push(null);
		out.push(n);
	}
	return out;
}
