/**
 * The award path (functions/award) in OCDS terms. Pure: everything comes from the call item, whose award
 * decisions carry the frozen evaluation (names and tendered prices of every tenderer).
 *
 * - An award decision is an `award` release at the decision time with the award `pending`: the standstill
 *   (OCDS: «proposed but not yet in force … a cooling off period»). Who won and at what price is not in it: the
 *   award issue makes winners, reasons and value public when the contract is signed, as the call page does.
 * - A withdrawn decision is an `awardUpdate` at the withdrawal with that award `cancelled`; a new decision
 *   gets a new award id.
 * - The contract is an `awardUpdate` (the award `active`, with its suppliers and the winners' tendered price)
 *   followed by a `contract` release (value, dateSigned, period from durationMonths, `active`), both dated when
 *   the contract was recorded; tender.status becomes `complete` and numberOfTenderers is published.
 */
import type { CallRecord } from '../data/calls.js';
import type { AwardDecision } from '../data/award.js';

export interface OcdsSupplier {
  id: string;
  name: string;
  orgNumber: string;
}
export interface OcdsAward {
  id: string;
  status: 'pending' | 'active' | 'cancelled';
  date: string;
  value?: { amount: number; currency: 'NOK' };
  suppliers?: { id: string; name: string }[];
}
export interface OcdsContract {
  id: string;
  awardID: string;
  status: 'active';
  value: { amount: number; currency: 'NOK' };
  dateSigned: string;
  period?: { startDate: string; endDate: string };
}
export interface AwardStage {
  tag: 'award' | 'awardUpdate' | 'contract';
  date: string;
  award: OcdsAward;
  suppliers: OcdsSupplier[];
  contract?: OcdsContract;
  numberOfTenderers?: number;
}

const iso = (d: string) => new Date(d).toISOString();
export const awardId = (callId: string, d: AwardDecision) => `${callId}-award-${d.id}`;

/** The end of a contract period: the same day of the month `months` later (clamped to the month's last day). */
export function addMonths(start: string, months: number): string {
  const d = new Date(start);
  const day = d.getUTCDate();
  const end = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  );
  const last = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, last));
  return end.toISOString();
}

/** Winners as parties, named as they stood in the decision. */
function winnersOf(d: AwardDecision, partyId: (orgNumber: string) => string): OcdsSupplier[] {
  return d.winners.map((orgNumber) => ({
    id: partyId(orgNumber),
    orgNumber,
    name: d.snapshot.items.find((i) => i.orgNumber === orgNumber)?.name ?? orgNumber,
  }));
}

/** The winners' tendered price (summed for several winners), when every winner tendered one. */
function tenderedValue(d: AwardDecision): OcdsAward['value'] {
  const prices = d.winners.map((w) => d.snapshot.items.find((i) => i.orgNumber === w)?.priceNok);
  return prices.length && prices.every((p) => p !== undefined) ? { amount: prices.reduce<number>((a, p) => a + p!, 0), currency: 'NOK' } : undefined;
}

/** Whether the award path has touched the call (then a published outcome is not what the awards come from). */
export const hasAwardPath = (c: CallRecord) => !!(c.award || c.withdrawnAwards?.length || c.contract);

/** The award path's changes of state, oldest first, up to `now`. */
export function awardStages(c: CallRecord, now: Date, partyId: (orgNumber: string) => string): AwardStage[] {
  const out: AwardStage[] = [];
  const pending = (d: AwardDecision): OcdsAward => ({ id: awardId(c.id, d), status: 'pending', date: iso(d.decidedAt) });
  for (const d of c.withdrawnAwards ?? []) {
    out.push({ tag: 'award', date: iso(d.decidedAt), award: pending(d), suppliers: [] });
    if (d.withdrawnAt) out.push({ tag: 'awardUpdate', date: iso(d.withdrawnAt), award: { ...pending(d), status: 'cancelled' }, suppliers: [] });
  }
  const d = c.award;
  if (d) {
    out.push({ tag: 'award', date: iso(d.decidedAt), award: pending(d), suppliers: [] });
    const k = c.contract;
    if (k) {
      const date = iso(k.recordedAt);
      const value = tenderedValue(d);
      const suppliers = winnersOf(d, partyId);
      const award: OcdsAward = { ...pending(d), status: 'active', ...(value ? { value } : {}), suppliers: suppliers.map(({ id, name }) => ({ id, name })) };
      const numberOfTenderers = d.snapshot.items.length;
      out.push({ tag: 'awardUpdate', date, award, suppliers, numberOfTenderers });
      const contract: OcdsContract = {
        id: `${c.id}-contract`,
        awardID: award.id,
        status: 'active',
        value: { amount: k.valueNok, currency: 'NOK' },
        dateSigned: iso(k.signedAt),
        ...(k.durationMonths ? { period: { startDate: iso(k.signedAt), endDate: addMonths(k.signedAt, k.durationMonths) } } : {}),
      };
      out.push({ tag: 'contract', date, award, suppliers, contract, numberOfTenderers });
    }
  }
  return out.filter((s) => Date.parse(s.date) <= now.getTime()).sort((a, b) => a.date.localeCompare(b.date));
}
