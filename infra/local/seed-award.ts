/**
 * award issue: demo calls in every phase after the deadline. The main seed already leaves two-stage calls in
 * selection, market dialogues concluded and calls cancelled; this moves four closed calls on: one tendering, one
 * in evaluation, one in its standstill and one contracted, with tenders, evaluations, letters and record events.
 * Every write is conditional or keyed deterministically, so an interrupted seed runs again cleanly.
 */
import { ulid } from 'ulid';
import { queryMunicipalityCalls, replaceCall, type CallRecord } from '../../functions/data/calls.js';
import { listProposalsForCall, upsertProposal } from '../../functions/data/proposals.js';
import { putCallVersion, putLetter, recordEvent, writeEvaluation, type AwardDecision, type CallEvent, type LetterKind } from '../../functions/data/award.js';
import { awardLetters, composeLetter, selectionLetters, type LetterDraft } from '../../functions/award/letters.js';
import { isTwoStage, priceScores, rankEvaluation, standstillEnd } from '../../shared/domain/procedure.js';
import { CALL_TEMPLATES } from './demo-data.js';
import { mulberry32 } from './generate/companies.js';

const DAY = 86_400_000;
type Plan = { municipality: string; template: number; target: 'tendering' | 'evaluation' | 'standstill' | 'contracted' };
const PLANS: Plan[] = [
  { municipality: '3101', template: 0, target: 'tendering' },
  { municipality: '3120', template: 6, target: 'evaluation' },
  { municipality: '3118', template: 4, target: 'standstill' },
  { municipality: '3110', template: 7, target: 'contracted' },
];

async function demoCall(municipality: string, template: number): Promise<CallRecord | undefined> {
  const title = CALL_TEMPLATES[template]!.title;
  const page = await queryMunicipalityCalls(municipality, {}, 200);
  return page.items.filter((c) => c.title === title && !c.derivedFrom && c.status === 'open').sort((a, b) => a.id.localeCompare(b.id))[0];
}

const iso = (ms: number) => new Date(ms).toISOString();
const owner = (c: CallRecord) => ({ userId: `user-${c.municipalityCode}`, orgId: c.municipalityCode, role: 'municipality' });
/** A decision's letters, one to every company it concerns, sent when it was decided (demo addresses). */
async function sendLetters(call: CallRecord, kind: LetterKind, decision: { id: string; decidedAt: string }, letters: LetterDraft[]): Promise<void> {
  for (const l of letters) {
    await putLetter({
      ...(await composeLetter(call.id, decision.id, kind, l, `post+${l.orgNumber}@innovasjonstorget.invalid`, decision.decidedAt)),
      sentAt: decision.decidedAt,
    });
  }
}

/** The owner's entry in a call's event log, as the use cases write it. */
const logEvent = (call: CallRecord, type: CallEvent['type'], eventId: string, at: string, data: CallEvent['data']) =>
  recordEvent({ callId: call.id, eventId, type, at, actor: owner(call), data });

export async function seedAward(now: Date): Promise<void> {
  for (const [n, plan] of PLANS.entries()) {
    const found = await demoCall(plan.municipality, plan.template);
    if (!found || found.selection || found.award || found.contract) continue;
    let call: CallRecord = found;
    const rng = mulberry32(7000 + n);
    const deadline = Date.parse(call.deadline);
    const requests = await listProposalsForCall(call.id);
    if (requests.length < 2) continue;
    const write = async (change: Partial<CallRecord>, at: number) => {
      const next = { ...call, ...change, version: call.version + 1, updatedAt: iso(at) };
      if (await replaceCall(next, call.version, ['open'])) {
        await putCallVersion(call.id, next.version, next);
        call = next;
      }
    };

    // Two-stage: select the first two requesters a day after the deadline; tenders come from them.
    if (isTwoStage(call.procedure)) {
      const decidedAt = deadline + DAY;
      const tenderDeadline = plan.target === 'tendering' ? now.getTime() + 12 * DAY : decidedAt + 11 * DAY;
      const selection = {
        id: ulid(decidedAt, rng),
        selected: requests.slice(0, 2).map((r) => r.orgNumber),
        tenderDeadline: iso(tenderDeadline),
        reasons: 'Valgt ut etter relevante referanser, kapasitet og forståelse av behovet i forespørselen.',
        decidedAt: iso(decidedAt),
        decidedBy: owner(call).userId,
        requesters: requests.map((r) => ({ orgNumber: r.orgNumber, name: r.companyName })),
      };
      await write({ selection }, decidedAt);
      await logEvent(call, 'selection', `selection-${selection.id}`, selection.decidedAt, {
        selected: selection.selected,
        requesters: requests.length,
        tenderDeadline: selection.tenderDeadline,
        reasons: selection.reasons,
      });
      await sendLetters(call, 'selection', selection, selectionLetters(call, selection));
      const tenderers = plan.target === 'tendering' ? requests.slice(0, 1) : requests.slice(0, 2);
      for (const [i, r] of tenderers.entries()) {
        const at = iso(Math.min(decidedAt + (i + 2) * DAY, now.getTime()));
        await upsertProposal(
          { ...r, kind: 'tender', selfDeclaration: undefined, references: undefined, priceNok: 400_000 + 150_000 * i, submittedAt: at, updatedAt: at },
          'tender',
        );
      }
    }
    if (plan.target === 'tendering') continue;

    // Evaluate: every tender in standstill/contracted, only the first in evaluation.
    const stage = isTwoStage(call.procedure) ? 'tender' : 'request';
    const tenders = await listProposalsForCall(call.id, stage);
    const evaluatedAt = (call.selection ? Date.parse(call.selection.tenderDeadline) : deadline) + DAY;
    const scores = (i: number) => ({ kvalitet: 8 - i, klima: 7 - (i % 2) });
    for (const [i, t] of tenders.entries()) {
      if (plan.target === 'evaluation' && i > 0) break;
      await writeEvaluation({
        callId: call.id,
        orgNumber: t.orgNumber,
        scores: scores(i),
        notes: 'Vurdert mot kravspesifikasjonen.',
        version: 1,
        updatedAt: iso(evaluatedAt),
        updatedBy: owner(call).userId,
      });
      await logEvent(call, 'evaluation', `evaluation-${t.orgNumber}-v1`, iso(evaluatedAt), { orgNumber: t.orgNumber, version: 1 });
    }
    if (plan.target === 'evaluation') continue;

    const criteria = call.awardCriteria ?? [];
    const formula = priceScores(Object.fromEntries(tenders.filter((t) => t.priceNok !== undefined).map((t) => [t.orgNumber, t.priceNok!])));
    const ranked = rankEvaluation(
      criteria,
      tenders.map((t, i) => ({
        orgNumber: t.orgNumber,
        scores: { ...scores(i), ...(formula[t.orgNumber] !== undefined ? { pris: formula[t.orgNumber]! } : {}) },
      })),
    );
    const decidedAt = plan.target === 'standstill' ? now.getTime() - 4 * DAY : evaluatedAt + 2 * DAY;
    const award: AwardDecision = {
      id: ulid(decidedAt, rng),
      winners: [ranked[0]!.orgNumber],
      decidedAt: iso(decidedAt),
      decidedBy: owner(call).userId,
      standstillDays: 10,
      standstillEndsAt: standstillEnd(iso(decidedAt), 10),
      reasons: 'Tilbudet har høyest samlet poengsum etter de publiserte kriteriene: lav pris, god gjennomføringsplan og tydelige klimatiltak.',
      snapshot: {
        criteria: criteria.map(({ id, name, kind, weight }) => ({ id, name, kind, weight })),
        items: ranked.map((r) => ({
          ...r,
          name: tenders.find((t) => t.orgNumber === r.orgNumber)!.companyName,
          priceNok: tenders.find((t) => t.orgNumber === r.orgNumber)!.priceNok,
        })),
      },
    };
    await write({ award }, decidedAt);
    await logEvent(call, 'award', `award-${award.id}`, award.decidedAt, {
      winners: award.winners,
      reasons: award.reasons,
      standstillEndsAt: award.standstillEndsAt,
    });
    await sendLetters(call, 'award', award, awardLetters(call, award));
    if (plan.target === 'standstill') continue;

    const signedAt = Date.parse(award.standstillEndsAt) + 2 * DAY;
    const valueNok = tenders.find((t) => t.orgNumber === ranked[0]!.orgNumber)?.priceNok ?? 500_000;
    await write({ contract: { signedAt: iso(signedAt), valueNok, durationMonths: 12, recordedAt: iso(signedAt), recordedBy: owner(call).userId } }, signedAt);
    await logEvent(call, 'contract', `contract-${award.id}`, iso(signedAt), { signedAt: iso(signedAt), valueNok, durationMonths: 12, winners: award.winners });
  }
}
