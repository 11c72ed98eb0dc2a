import { proposalsAreSealed } from '../../shared/domain/call-status.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import type { Proposal } from '../../shared/schemas/proposals.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { forbidden } from '../core/errors.js';
import { audit } from '../core/logger.js';
import { count, METRIC } from '../core/metrics.js';
import { getCall } from '../data/calls.js';
import { listProposalsForCall } from '../data/proposals.js';
import { assertVisible, isOwnMunicipality } from '../calls/view.js';
import { proposalView } from './view.js';

/**
 * Proposals are sealed for everyone until the deadline, the call's own municipality included; after it
 * only that municipality reads them. Every attempt, granted or not, is an audit event.
 */
export async function readProposals(callId: string, principal: Principal): Promise<{ items: Proposal[] }> {
  const call = assertVisible(await getCall(callId), principal);
  const at = now();
  const who = { callId, userId: principal.userId, orgId: principal.orgId, role: principal.role, at: at.toISOString() };
  if (!isOwnMunicipality(call, principal)) {
    audit('proposals.read.denied', { ...who, reason: 'not-owner' });
    const owner = municipalityName(call.municipalityCode) ?? call.municipalityCode;
    throw forbidden(`Only ${owner} kommune can read the proposals to this call.`);
  }
  if (proposalsAreSealed(call.deadline, at)) {
    audit('proposals.read.denied', { ...who, reason: 'sealed', deadline: call.deadline });
    count(METRIC.sealedReadAttempt);
    throw forbidden(`The proposals are sealed until ${call.deadline}.`);
  }
  const proposals = await listProposalsForCall(callId);
  audit('proposals.read.granted', { ...who, count: proposals.length });
  return { items: proposals.map(proposalView) };
}
