import { effectiveStatus } from '../../shared/domain/call-status.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import { cpvLabelPairs } from '../../shared/domain/cpv.js';
import type { Call } from '../../shared/schemas/calls.js';
import type { Principal } from '../core/principal.js';
import type { CallRecord } from '../data/calls.js';
import { forbidden, notFound } from '../core/errors.js';

/** The public shape of a call: status derived from the clock, municipality named, CPV codes labelled. */
export function callView(c: CallRecord, now: Date): Call {
  const { createdBy, id, ...rest } = c;
  void createdBy;
  return {
    id,
    ...rest,
    municipalityName: municipalityName(c.municipalityCode) ?? c.municipalityCode,
    cpvLabels: cpvLabelPairs(c.cpvCodes),
    status: effectiveStatus(c.status, c.deadline, now),
  };
}

export const isOwnMunicipality = (c: CallRecord, p: Principal | undefined) =>
  p?.role === 'municipality' && p.orgId === c.municipalityCode;

/** A draft is invisible (404) to all but its municipality; published calls are public. */
export function assertVisible(c: CallRecord | undefined, p: Principal | undefined): CallRecord {
  if (!c || (c.status === 'draft' && !isOwnMunicipality(c, p))) throw notFound('No call with that id.');
  return c;
}

/** Visible and the caller's own: only the call's municipality may change it. */
export function assertOwned(c: CallRecord | undefined, p: Principal | undefined): CallRecord {
  const call = assertVisible(c, p);
  if (!isOwnMunicipality(call, p)) throw forbidden('Only the municipality that owns this call can change it.');
  return call;
}
