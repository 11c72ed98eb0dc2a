import type { Call, ListCallsQuery } from '../../shared/schemas/calls.js';
import type { Page } from '../../shared/schemas/common.js';
import { badRequest, forbidden, unauthorized } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { queryMunicipalityCalls, publishedCallsPage, type CallFilters } from '../data/calls.js';
import { decodeCursor, encodeCursor } from '../data/cursor.js';
import type { Key } from '../data/paging.js';
import { callView } from './view.js';
import { searchWords } from '../../shared/domain/call-search.js';

type Phase = 'open' | 'closed';
interface PublicCursor {
  s: 'calls';
  phase: Phase;
  key?: Key;
  at: string;
}
interface MineCursor {
  s: `calls:mine:${string}`;
  key: Key;
  at: string;
}

/**
 * Public listing: open calls (nearest deadline first), then closed ones (latest deadline first).
 * The cursor pins the clock of the first page, so a call closing while someone pages is neither
 * shown twice nor skipped.
 */
export async function listCalls(query: ListCallsQuery, principal: Principal | undefined): Promise<Page<Call>> {
  if (query.mine === 'true') return listOwnCalls(query, principal);
  const limit = query.limit ?? 20;
  if (query.status === 'draft' || query.status === 'cancelled') {
    throw badRequest('Only open and closed calls are listed publicly; municipalities add mine=true to see drafts and cancelled calls.', [
      { path: 'status', message: 'Use open or closed (or mine=true)' },
    ]);
  }
  const state = query.cursor ? decodeCursor<PublicCursor>(query.cursor, 'calls') : undefined;
  const at = state?.at ?? now().toISOString();
  const filters: CallFilters = {
    municipality: query.municipality,
    county: query.county,
    domain: query.domain,
    cpvPrefix: query.cpv,
    words: searchWords(query.q),
  };
  const phases: Phase[] = query.status ? [query.status] : ['open', 'closed'];
  let phaseIndex = state ? phases.indexOf(state.phase) : 0;
  if (phaseIndex < 0) throw badRequest('The cursor does not fit this status filter.', [{ path: 'cursor', message: 'Invalid or tampered cursor' }]);

  const items: Call[] = [];
  let key = state?.key;
  const clock = new Date(at);
  while (phaseIndex < phases.length && items.length < limit) {
    const phase = phases[phaseIndex]!;
    const page = await publishedCallsPage(phase, at, filters, limit - items.length, key);
    items.push(...page.items.map((c) => callView(c, clock)));
    if (page.lastKey) {
      return { items, nextCursor: encodeCursor({ s: 'calls', phase, key: page.lastKey, at } satisfies PublicCursor) };
    }
    key = undefined;
    phaseIndex++;
  }
  const nextPhase = phases[phaseIndex];
  return { items, nextCursor: nextPhase ? encodeCursor({ s: 'calls', phase: nextPhase, at } satisfies PublicCursor) : null };
}

async function listOwnCalls(query: ListCallsQuery, principal: Principal | undefined): Promise<Page<Call>> {
  if (!principal) throw unauthorized('Sign in as a municipality user to list your own calls (mine=true).');
  if (principal.role !== 'municipality') throw forbidden('Only municipality users have their own calls (mine=true).');
  const limit = query.limit ?? 20;
  const state = query.cursor ? decodeCursor<MineCursor>(query.cursor, `calls:mine:${principal.orgId}`) : undefined;
  const at = state?.at ?? now().toISOString();
  const filters: CallFilters = {
    domain: query.domain,
    cpvPrefix: query.cpv,
    words: searchWords(query.q),
    ...statusFilter(query.status, at),
  };
  const page = await queryMunicipalityCalls(principal.orgId, filters, limit, state?.key);
  const clock = new Date(at);
  return {
    items: page.items.map((c) => callView(c, clock)),
    nextCursor: page.lastKey ? encodeCursor({ s: `calls:mine:${principal.orgId}`, key: page.lastKey, at } satisfies MineCursor) : null,
  };
}

/** 'closed' and 'open' are both stored as open; the deadline tells them apart. */
function statusFilter(status: ListCallsQuery['status'], at: string): Pick<CallFilters, 'status' | 'deadline'> {
  switch (status) {
    case undefined:
      return {};
    case 'open':
      return { status: 'open', deadline: { after: at } };
    case 'closed':
      return { status: 'open', deadline: { before: at } };
    default:
      return { status };
  }
}
