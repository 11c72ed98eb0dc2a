import type { Outcome, OutcomeInput } from '../../shared/schemas/sharing.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { badRequest, conflict, forbidden, notFound, problem } from '../core/errors.js';
import { etag, parseIfMatch } from '../calls/rules.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall } from '../data/calls.js';
import { getOrganisations } from '../data/organisations.js';
import { getOutcome as readOutcome, putOutcome as writeOutcome, type OutcomeRecord } from '../data/sharing.js';
import { assertVisible, isOwnMunicipality } from '../calls/view.js';
import { outcomeView } from './views.js';

/**
 * Records what came of a call. Only the call's municipality, and only once the call is closed (its
 * deadline passed): before that there is no outcome, and a cancelled call has none. Partners must be
 * companies on the platform, so the registry can name them.
 */
export async function putOutcome(
  callId: string,
  input: OutcomeInput,
  ifMatch: string | undefined,
  principal: Principal,
): Promise<{ outcome: Outcome; created: boolean }> {
  const call = assertVisible(await getCall(callId), principal);
  if (!isOwnMunicipality(call, principal)) throw forbidden('Only the municipality that owns this call can record its outcome.');
  const at = now();
  const status = effectiveStatus(call.status, call.deadline, at);
  if (status !== 'closed') throw conflict(`An outcome can be recorded once the call has closed; this call is ${status}.`);

  const partnerIds = [...new Set(input.partners)];
  const orgs = await getOrganisations(partnerIds);
  const bad = input.partners.map((orgNumber, i) => ({ orgNumber, i })).filter(({ orgNumber }) => orgs.get(orgNumber)?.kind !== 'company');
  if (bad.length) {
    throw badRequest(
      `No company with organisation number ${bad.map((b) => b.orgNumber).join(', ')} on the platform.`,
      bad.map(({ orgNumber, i }) => ({ path: `partners.${i}`, message: `No company with organisation number ${orgNumber}` })),
    );
  }

  // The first PUT creates without a precondition; later ones must prove which version they replace.
  const existing = await readOutcome(callId);
  const currentVersion = existing ? (existing.version ?? 0) : undefined;
  const expected = parseIfMatch(ifMatch);
  if (expected === 'invalid') throw badRequest('If-Match must be an ETag such as "3".', [{ path: 'If-Match', message: 'Not an ETag' }]);
  if (currentVersion !== undefined && expected === undefined) {
    throw problem(428, `An outcome exists: send If-Match with the version you edited (current ETag ${etag(currentVersion)}).`);
  }
  if (currentVersion === undefined && expected !== undefined) {
    throw problem(412, 'There is no outcome yet to match; send the first PUT without If-Match.');
  }
  if (currentVersion !== undefined && expected !== currentVersion) {
    throw problem(412, `The outcome has changed since version ${expected}; it is now version ${currentVersion}. Reload and try again.`);
  }
  const stamp = at.toISOString();
  const record: OutcomeRecord = {
    callId,
    municipalityCode: call.municipalityCode,
    partners: partnerIds.map((orgNumber) => ({ orgNumber, name: orgs.get(orgNumber)!.name })),
    projectStatus: input.projectStatus,
    results: input.results,
    lessons: input.lessons,
    documents: input.documents,
    wouldRecommend: input.wouldRecommend,
    published: input.published,
    createdAt: existing?.createdAt ?? stamp,
    updatedAt: stamp,
    updatedBy: principal.userId,
    version: (currentVersion ?? 0) + 1,
    callTitle: call.title,
    callSummary: call.summary,
    domains: call.domains,
    cpvCodes: call.cpvCodes,
    procedure: call.procedure,
  };
  if (!(await writeOutcome(record, currentVersion))) {
    throw problem(
      412,
      currentVersion === undefined
        ? 'The outcome was recorded by someone else at the same moment. Reload it and edit with If-Match.'
        : 'The outcome was changed by someone else at the same moment. Reload and try again.',
    );
  }
  return { outcome: outcomeView(record), created: currentVersion === undefined };
}

/** Public once published; the call's municipality always sees its own (draft) outcome; otherwise 404. */
export async function getOutcome(callId: string, principal: Principal | undefined): Promise<Outcome> {
  const call = assertVisible(await getCall(callId), principal);
  const outcome = await readOutcome(callId);
  if (!outcome || (!outcome.published && !isOwnMunicipality(call, principal))) {
    throw notFound('No published outcome for this call.');
  }
  return outcomeView(outcome);
}
