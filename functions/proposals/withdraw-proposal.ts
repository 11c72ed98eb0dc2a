import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { notFound } from '../core/errors.js';
import { deleteProposal } from '../data/proposals.js';
import { requireAnswerableCall } from './open-call.js';
import { deleteAttachmentsOf } from '../files/attachments.js';

/** Withdrawing is possible until the stage's deadline; after it the answer is part of the evaluation. */
export async function withdrawProposal(callId: string, principal: Principal): Promise<void> {
  const { stage } = await requireAnswerableCall(callId, principal, now(), 'withdrawn');
  if (!(await deleteProposal(callId, principal.orgId, stage))) throw notFound('Your company has no proposal to this call.');
  // A withdrawn proposal's attachments go with it.
  await deleteAttachmentsOf(callId, principal.orgId);
}
