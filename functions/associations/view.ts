import { effectiveStatus } from '../../shared/domain/call-status.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import type { Membership, Promotion } from '../../shared/schemas/associations.js';
import type { CallRecord } from '../data/calls.js';
import type { MembershipRecord, PromotionRecord } from '../data/associations.js';

export function membershipView(m: MembershipRecord): Membership {
  return {
    associationId: m.associationId,
    associationName: m.associationName,
    orgNumber: m.orgNumber,
    companyName: m.companyName,
    status: m.status,
    requestedAt: m.requestedAt,
    ...(m.decidedAt ? { decidedAt: m.decidedAt } : {}),
  };
}

/** The link carries the promotion id, so the call page can report a view through it. */
export const promotionLink = (callId: string, promotionId: string) => `/utlysninger/${encodeURIComponent(callId)}?promo=${encodeURIComponent(promotionId)}`;

/** A promotion as shown: title and deadline from the call as it is now when we have it. */
export function promotionView(p: PromotionRecord, call?: CallRecord): Promotion {
  const code = call?.municipalityCode ?? p.municipalityCode;
  return {
    id: p.id,
    associationId: p.associationId,
    associationName: p.associationName,
    callId: p.callId,
    callTitle: call?.title ?? p.callTitle,
    municipalityName: municipalityName(code) ?? code,
    callDeadline: call?.deadline ?? p.callDeadline,
    note: p.note,
    promotedAt: p.promotedAt,
    link: promotionLink(p.callId, p.id),
  };
}

export const isOpenNow = (call: CallRecord | undefined, at: Date): call is CallRecord =>
  call !== undefined && effectiveStatus(call.status, call.deadline, at) === 'open';
