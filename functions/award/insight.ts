import { currentStage } from '../../shared/domain/procedure.js';
import type { Insight } from '../../shared/schemas/proposals.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { conflict, notFound } from '../core/errors.js';
import { getCall } from '../data/calls.js';
import { getProposal } from '../data/proposals.js';
import { listFiles } from '../data/files.js';
import { fileView } from '../files/documents.js';
import { assertOwned, phaseState } from '../calls/view.js';
import { assertMayReadAnswers } from './access.js';
import { event } from './record.js';
import { proposalView } from '../proposals/view.js';

export const REDACTED = '[unntatt offentlighet]';

/**
 * The copy of a tender to hand out on an innsynskrav (offentleglova § 23 (3): tenders are exempt until the
 * award decision, business secrets always): the parts the company marked are replaced, marked attachments by
 * the redacted copy the company uploaded; a marked attachment without one is withheld.
 */
export async function insightCopy(id: string, orgNumber: string, principal: Principal): Promise<Insight> {
  const call = assertOwned(await getCall(id), principal);
  const at = now();
  if (!call.award && !call.withdrawnAwards?.length && !call.contract)
    throw conflict('Tenders are exempt from insight until the award decision (offentleglova § 23 (3)).');
  const stage = currentStage(phaseState(call));
  await assertMayReadAnswers(call, principal, at, stage);
  const tender = await getProposal(id, orgNumber, stage);
  if (!tender) throw notFound('That company sent no tender to this call.');
  const marked = new Set((tender.confidential ?? []).map((c) => c.part));
  const { priceNok, ...rest } = proposalView(tender);
  const files = (await listFiles(id, 'attachment', orgNumber)).filter((f) => f.status === 'verified');
  const redactedCopy = new Map(files.filter((f) => f.redacts).map((f) => [f.redacts!, f]));
  const attachments = [];
  const withheldAttachments: string[] = [];
  for (const f of files.filter((x) => !x.redacts)) {
    if (!marked.has(f.id)) attachments.push(fileView(f));
    else if (redactedCopy.has(f.id)) attachments.push(fileView(redactedCopy.get(f.id)!));
    else withheldAttachments.push(f.id);
  }
  const copy: Insight = {
    ...rest,
    ...(marked.has('description') ? { description: REDACTED } : {}),
    ...(priceNok !== undefined && !marked.has('price') ? { priceNok } : {}),
    attachments,
    withheldAttachments,
  };
  await event(id, 'insight-copy', at.toISOString(), principal, { orgNumber, redacted: [...marked] });
  return copy;
}
