import { CPV_ATTRIBUTION, isOfficialCpv, parseCpvInput, searchCpv as search, type CpvSearchHit } from '../../shared/domain/cpv.js';
import type { CpvQuery, CpvSearch } from '../../shared/schemas/cpv.js';

/** Search by word or code prefix, or (with `codes`) the listed codes among those asked for, in their order. */
export function searchCpv(query: CpvQuery): CpvSearch {
  const lang = query.lang ?? 'nb';
  const limit = query.limit ?? 20;
  let items: CpvSearchHit[];
  if (query.codes !== undefined) {
    const codes = [
      ...new Set(
        query.codes
          .split(',')
          .map((c) => parseCpvInput(c))
          .filter((c): c is string => !!c && isOfficialCpv(c)),
      ),
    ];
    items = codes.slice(0, 50).flatMap((c) => search(c, lang, 1));
  } else {
    items = search(query.q ?? '', lang, limit);
  }
  return { items, attribution: CPV_ATTRIBUTION };
}
