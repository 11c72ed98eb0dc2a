import { currentStage, isTwoStage, isFullyScored, priceScores, rankEvaluation, type Criterion } from '../../shared/domain/procedure.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { badRequest, conflict, notFound, problem } from '../core/errors.js';
import { getCall, type CallRecord } from '../data/calls.js';
import { getEvaluation, listEvaluations, writeEvaluation, type EvaluationRecord } from '../data/award.js';
import { getProposal, listProposalsForCall, type ProposalRecord } from '../data/proposals.js';
import { assertOwned, phaseOf, phaseState } from '../calls/view.js';
import { etag, parseIfMatch } from '../calls/rules.js';
import { assertMayReadAnswers } from './access.js';
import { event } from './record.js';

/** The tenders that are evaluated: the current stage's answers (tenders in two-stage procedures). */
export async function tendersOf(call: CallRecord): Promise<ProposalRecord[]> {
  return listProposalsForCall(call.id, currentStage(phaseState(call)));
}

const evaluationView = ({ updatedBy, ...e }: EvaluationRecord) => (void updatedBy, e);

export async function putEvaluation(
  callId: string,
  orgNumber: string,
  input: { scores: Record<string, number>; notes?: string },
  ifMatch: string | undefined,
  principal: Principal,
) {
  const call = assertOwned(await getCall(callId), principal);
  const at = now();
  const stage = currentStage(phaseState(call));
  await assertMayReadAnswers(call, principal, at, stage, 'evaluations');
  const phase = phaseOf(call, at);
  if (phase !== 'evaluation') {
    throw conflict(
      phase === 'standstill'
        ? 'An award decision is in force; withdraw it before evaluating again.'
        : `Tenders are evaluated in the evaluation phase; this call is ${phase}.`,
    );
  }
  const criteria = call.awardCriteria ?? [];
  const errors = Object.keys(input.scores).flatMap((id) => {
    const c = criteria.find((k) => k.id === id);
    if (!c) return [{ path: `scores.${id}`, message: `No criterion ${id} on this call` }];
    if (c.kind === 'price')
      return [
        {
          path: `scores.${id}`,
          message: 'The price criterion is scored by the published formula (lowest price 10, others 10 × lowest / price); it cannot be set by hand',
        },
      ];
    return [];
  });
  if (errors.length) throw badRequest(errors.map((e) => e.message).join('; ') + '.', errors);
  if (!(await getProposal(callId, orgNumber, stage))) throw notFound('That company sent no tender to this call.');

  const expected = parseIfMatch(ifMatch);
  if (expected === 'invalid') throw badRequest('If-Match must be an ETag like "3".');
  const current = await getEvaluation(callId, orgNumber);
  if (current && expected === undefined) {
    throw problem(428, 'This tender has an evaluation already: send If-Match with its ETag.', { headers: { etag: etag(current.version) } });
  }
  if (!current && expected !== undefined) throw problem(412, 'There is no evaluation of this tender yet: send the first one without If-Match.');
  if (current && expected !== current.version) {
    throw problem(412, `The evaluation has changed (now version ${current.version}); reload it and try again.`, { headers: { etag: etag(current.version) } });
  }
  const next: EvaluationRecord = {
    callId,
    orgNumber,
    scores: input.scores,
    ...(input.notes ? { notes: input.notes } : {}),
    version: (current?.version ?? 0) + 1,
    updatedAt: at.toISOString(),
    updatedBy: principal.userId,
  };
  if (!(await writeEvaluation(next, current?.version))) {
    const latest = await getEvaluation(callId, orgNumber);
    throw problem(
      412,
      'Someone else saved this evaluation at the same moment; reload it and try again.',
      latest ? { headers: { etag: etag(latest.version) } } : {},
    );
  }
  await event(callId, 'evaluation', next.updatedAt, principal, { orgNumber, version: next.version }, `evaluation-${orgNumber}-v${next.version}`);
  return { created: !current, evaluation: evaluationView(next) };
}

interface EvaluationRanking {
  name: string;
  priceNok?: number;
  weighted: Record<string, number>;
  total: number;
  rank: number;
  complete: boolean;
}

export interface EvaluationTable {
  criteria: Criterion[];
  /** One row per tender: the stored evaluation's scores and notes (and version, once one is stored), with the ranking. */
  items: (Pick<EvaluationRecord, 'orgNumber' | 'scores' | 'notes'> & Partial<Pick<EvaluationRecord, 'version'>> & EvaluationRanking)[];
  complete: boolean;
}

/** Scores with the price formula applied, weighted, totalled and ranked, best first. */
export async function buildEvaluationTable(call: CallRecord): Promise<EvaluationTable> {
  const criteria = call.awardCriteria ?? [];
  const tenders = await tendersOf(call);
  const evaluations = new Map((await listEvaluations(call.id)).map((e) => [e.orgNumber, e]));
  const price = criteria.find((c) => c.kind === 'price');
  const prices = Object.fromEntries(tenders.filter((t) => typeof t.priceNok === 'number').map((t) => [t.orgNumber, t.priceNok!]));
  const formula = priceScores(prices);
  const scored = tenders.map((t) => ({
    orgNumber: t.orgNumber,
    scores: { ...(evaluations.get(t.orgNumber)?.scores ?? {}), ...(price && formula[t.orgNumber] !== undefined ? { [price.id]: formula[t.orgNumber]! } : {}) },
  }));
  const ranked = rankEvaluation(criteria, scored);
  const byOrg = new Map(tenders.map((t) => [t.orgNumber, t]));
  const items = ranked.map((r) => {
    const t = byOrg.get(r.orgNumber)!;
    const e = evaluations.get(r.orgNumber);
    return {
      ...r,
      name: t.companyName,
      ...(t.priceNok !== undefined ? { priceNok: t.priceNok } : {}),
      complete: isFullyScored(criteria, e?.scores),
      ...(e?.notes ? { notes: e.notes } : {}),
      ...(e ? { version: e.version } : {}),
    };
  });
  return { criteria, items, complete: items.length > 0 && items.every((i) => i.complete) };
}

export async function getEvaluationTable(callId: string, principal: Principal): Promise<EvaluationTable> {
  const call = assertOwned(await getCall(callId), principal);
  if (isTwoStage(call.procedure) && !call.selection)
    throw conflict('Requests to take part are not evaluated here: select who may tender first (POST …/selection).');
  await assertMayReadAnswers(call, principal, now(), currentStage(phaseState(call)), 'evaluations');
  return buildEvaluationTable(call);
}

export async function getOneEvaluation(callId: string, orgNumber: string, principal: Principal) {
  const call = assertOwned(await getCall(callId), principal);
  await assertMayReadAnswers(call, principal, now(), currentStage(phaseState(call)), 'evaluations');
  const e = await getEvaluation(callId, orgNumber);
  if (!e) throw notFound('No evaluation of that tender yet.');
  return evaluationView(e);
}
