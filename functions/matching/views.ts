import type { MatchIndex } from '../../shared/matching/match-index.js';
import type { PairScore } from '../../shared/matching/score.js';
import type { PartnerMatch } from '../../shared/schemas/matching.js';

export function partnerView(index: MatchIndex, company: number, pair: PairScore): PartnerMatch {
  const c = index.info(company);
  return {
    orgNumber: c.orgNumber,
    name: c.name,
    municipalityCode: c.municipalityCode,
    sme: c.sme,
    capacity: c.capacity,
    score: pair.score,
    reasons: pair.reasons,
  };
}
