import { ulid } from 'ulid';
import type { CallRecord } from '../../functions/data/calls.js';
import { listOpenCalls } from '../../functions/data/calls.js';
import { getOrganisation } from '../../functions/data/organisations.js';
import { listProposalsForCall } from '../../functions/data/proposals.js';
import {
  insertCallViewer,
  insertMembership,
  insertPromotion,
  listAssociationPromotions,
  type MembershipRecord,
  type PromotionRecord,
} from '../../functions/data/associations.js';
import { generateCompanies, mulberry32 } from './generate/companies.js';
import { ASSOCIATIONS, COMPANIES } from './demo-data.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Who belongs where. Each association keeps several named demo companies out of its member list, so
 * every demo company can also try asking to join (and the integration tests find one that has not).
 */
const PLAN = [
  {
    association: ASSOCIATIONS[0]!,
    accepted: [COMPANIES[0]!, COMPANIES[2]!, COMPANIES[4]!],
    generated: [0, 1, 2, 3, 4, 5],
    pending: [COMPANIES[5]!],
    promotions: 2,
    notes: [
      'Kommunen ønsker innspill fra lokale leverandører. Dette passer flere av medlemmene våre – ta kontakt om dere vil gå sammen.',
      'Fin mulighet for bedrifter som vil teste løsninger sammen med en kommune. Frokostmøte om utlysningen neste uke.',
    ],
  },
  {
    association: ASSOCIATIONS[1]!,
    accepted: [COMPANIES[1]!, COMPANIES[3]!, COMPANIES[6]!],
    generated: [6, 7, 8, 9, 10, 11],
    pending: [],
    promotions: 3,
    notes: [
      'Relevant for medlemmer innen energi og teknologi. Vi hjelper gjerne med å finne partnere.',
      'Markedsdialog der kommunen vil lære av næringslivet før anskaffelsen. Lav terskel for å delta.',
      'Kort frist – meld fra til oss om dere trenger hjelp med tilbudet.',
    ],
  },
];

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Demo associations: accepted members (named and generated companies), one pending request, and two
 * or three promotions of open calls per association with views and member viewers, so that the reach
 * page shows numbers. Every write is conditional on the item not existing, and an association that
 * already has promotions gets no new ones, so running this again (at any later time) changes nothing.
 * Runs after the main demo seed (it needs the organisations and calls).
 */
export async function seedAssociations(now: Date): Promise<void> {
  const t = now.getTime();
  const open = await listOpenCalls(now.toISOString());
  const generated = generateCompanies(Math.max(...PLAN.flatMap((p) => p.generated)) + 1, 2026);

  for (const [a, plan] of PLAN.entries()) {
    const association = await getOrganisation(plan.association.id);
    if (!association || association.kind !== 'association') continue;

    const members: MembershipRecord[] = [];
    const candidates = [...plan.accepted.map((c) => c.id), ...plan.generated.map((i) => generated[i]!.orgNumber)];
    for (const [i, orgNumber] of candidates.entries()) {
      const company = await getOrganisation(orgNumber);
      if (!company || company.kind !== 'company') continue;
      const requestedAt = iso(t - (60 - i * 3) * DAY);
      const m: MembershipRecord = {
        associationId: association.id,
        associationName: association.name,
        orgNumber,
        companyName: company.name,
        status: 'accepted',
        requestedAt,
        decidedAt: iso(Date.parse(requestedAt) + 2 * DAY),
        requestedBy: `user-${orgNumber}`,
        decidedBy: `user-${association.id}`,
      };
      await insertMembership(m);
      members.push(m);
    }
    for (const [i, c] of plan.pending.entries()) {
      await insertMembership({
        associationId: association.id,
        associationName: association.name,
        orgNumber: c.id,
        companyName: c.name,
        status: 'pending',
        requestedAt: iso(t - (i + 1) * DAY),
        requestedBy: `user-${c.id}`,
      });
    }

    if ((await listAssociationPromotions(association.id)).length > 0) continue;
    const memberIds = new Set(members.map((m) => m.orgNumber));
    const chosen = await choosePromotedCalls(open, memberIds, plan.promotions, now, a);
    for (const [k, call] of chosen.entries()) {
      const published = Date.parse(call.publishedAt ?? call.createdAt);
      const promotedAt = Math.min(published + (12 + k) * HOUR, t - HOUR);
      const viewers = members.slice(k, k + 2 + (k % 2));
      const promotion: PromotionRecord = {
        id: ulid(promotedAt, mulberry32(hash(`${association.id}:${call.id}`))),
        associationId: association.id,
        associationName: association.name,
        callId: call.id,
        callTitle: call.title,
        municipalityCode: call.municipalityCode,
        callDeadline: call.deadline,
        note: plan.notes[k % plan.notes.length]!,
        promotedAt: iso(promotedAt),
        promotedBy: `user-${association.id}`,
        views: 9 + 7 * k + 4 * a,
        memberViewers: viewers.length,
      };
      if (!(await insertPromotion(promotion))) continue;
      for (const [j, v] of viewers.entries()) {
        const at = iso(Math.min(promotedAt + (j + 1) * 5 * HOUR, t));
        await insertCallViewer({ callId: call.id, orgNumber: v.orgNumber, firstViewedAt: at, lastViewedAt: at });
      }
    }
  }
}

/**
 * Open calls worth promoting: ones a member has answered first (so reach shows a proposal), then the
 * latest deadlines; never a call closing within three days. Each association starts at a different
 * place in the list, so the two promote different calls where they can.
 */
async function choosePromotedCalls(open: CallRecord[], memberIds: Set<string>, count: number, now: Date, offset: number) {
  const soon = now.getTime() + 3 * DAY;
  const live = open.filter((c) => Date.parse(c.deadline) > soon).sort((x, y) => x.id.localeCompare(y.id));
  const answered = new Set<string>();
  for (const call of live) {
    if ((await listProposalsForCall(call.id)).some((p) => memberIds.has(p.orgNumber))) answered.add(call.id);
  }
  const rest = live.filter((c) => !answered.has(c.id));
  const rotated = [...rest.slice(offset * count), ...rest.slice(0, offset * count)];
  return [...live.filter((c) => answered.has(c.id)), ...rotated].slice(0, count);
}
