import { callQuery } from '../../shared/matching/analyze.js';
import type { PartnerMatch } from '../../shared/schemas/matching.js';
import { forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { getCall } from '../data/calls.js';
import { assertVisible, isOwnMunicipality } from '../calls/view.js';
import { currentMatchIndex } from './match-index-cache.js';
import { partnerView } from './views.js';

/**
 * The companies best placed to answer a call, with reasons. Only the call's municipality and the
 * programme owner see them: a partner list says who might bid, which competitors must not learn.
 */
export async function listCallMatches(callId: string, limit: number, principal: Principal): Promise<{ items: PartnerMatch[] }> {
  const call = assertVisible(await getCall(callId), principal);
  if (!isOwnMunicipality(call, principal) && principal.role !== 'programme') {
    throw forbidden('Only the municipality that owns the call and the programme owner see its suggested partners.');
  }
  const index = await currentMatchIndex();
  // The call is analysed once for the ranking and every reason.
  const query = callQuery(call);
  const ranked = index.rank(call, limit, query);
  return { items: ranked.map((r) => partnerView(index, r.company, index.explain(call, r.company, query))) };
}
