import { proposalsAreSealed } from '../../shared/domain/call-status.js';
import { municipalityName } from '../../shared/domain/municipalities.js';
import type { Principal } from '../core/principal.js';
import { forbidden } from '../core/errors.js';
import { audit } from '../core/logger.js';
import { count, METRIC } from '../core/metrics.js';
import type { CallRecord } from '../data/calls.js';
import { isOwnMunicipality } from '../calls/view.js';

/**
 * May this user read the answers to a call (proposals and their attachments)? Only the call's municipality, and
 * only once the deadline has passed: sealed for everyone before it. Every attempt is an audit event (`what` names
 * what was read). The award issue extends this check with the user's declaration of impartiality.
 */
export function assertMayReadAnswers(
  call: CallRecord,
  principal: Principal,
  at: Date,
  what: string,
  extra: Record<string, unknown> = {},
  /** false when the caller logs the granted event itself (with what it read, e.g. a count). */
  auditGranted = true,
): void {
  const who = { callId: call.id, userId: principal.userId, orgId: principal.orgId, role: principal.role, at: at.toISOString(), ...extra };
  if (!isOwnMunicipality(call, principal)) {
    audit(`${what}.read.denied`, { ...who, reason: 'not-owner' });
    const owner = municipalityName(call.municipalityCode) ?? call.municipalityCode;
    throw forbidden(`Only ${owner} kommune can read the proposals to this call.`);
  }
  if (proposalsAreSealed(call.deadline, at)) {
    audit(`${what}.read.denied`, { ...who, reason: 'sealed', deadline: call.deadline });
    count(METRIC.sealedReadAttempt);
    throw forbidden(`The proposals are sealed until ${call.deadline}.`);
  }
  if (auditGranted) audit(`${what}.read.granted`, who);
}
