import { municipalityName } from '../../shared/domain/municipalities.js';
import { stageDeadline, type AnswerStage } from '../../shared/domain/procedure.js';
import type { Principal } from '../core/principal.js';
import { forbidden, problem } from '../core/errors.js';
import { audit } from '../core/logger.js';
import { count, METRIC } from '../core/metrics.js';
import type { CallRecord } from '../data/calls.js';
import { getImpartiality } from '../data/award.js';
import { isOwnMunicipality, phaseState } from '../calls/view.js';

export const IMPARTIALITY_REQUIRED = 'urn:innovasjonstorget:problem:impartiality-required';

/**
 * Who may read a call's answers (innspill, requests, tenders), the evaluation and anything built on them:
 * the owning municipality, after the stage's deadline, and only a user who has declared themselves impartial
 * for this call. Every attempt is an audit event.
 */
export async function assertMayReadAnswers(
  call: CallRecord,
  principal: Principal,
  at: Date,
  stage: AnswerStage,
  what = 'proposals',
  /** More to say in the audit events (which attachment, which company). */
  extra: Record<string, unknown> = {},
): Promise<void> {
  const who = { callId: call.id, userId: principal.userId, orgId: principal.orgId, role: principal.role, at: at.toISOString(), stage, ...extra };
  if (!isOwnMunicipality(call, principal)) {
    audit(`${what}.read.denied`, { ...who, reason: 'not-owner' });
    const owner = municipalityName(call.municipalityCode) ?? call.municipalityCode;
    throw forbidden(`Only ${owner} kommune can read the ${what} to this call.`);
  }
  const deadline = stageDeadline(phaseState(call), stage);
  if (!deadline || at.getTime() < Date.parse(deadline)) {
    audit(`${what}.read.denied`, { ...who, reason: 'sealed', deadline });
    count(METRIC.sealedReadAttempt);
    throw forbidden(deadline ? `The ${what} are sealed until ${deadline}.` : `There are no ${stage}s to read yet.`);
  }
  const declared = await getImpartiality(call.id, principal.userId);
  if (!declared) {
    audit(`${what}.read.denied`, { ...who, reason: 'impartiality-required' });
    throw problem(403, 'Declare your impartiality for this call first (POST /api/calls/{id}/impartiality).', {
      type: 'impartiality-required',
      title: 'Impartiality declaration required',
    });
  }
  if (!declared.impartial) {
    audit(`${what}.read.denied`, { ...who, reason: 'not-impartial' });
    throw problem(403, 'You declared that you are not impartial for this call, so you may not read its answers.', {
      type: 'impartiality-required',
      title: 'Not impartial',
    });
  }
}
